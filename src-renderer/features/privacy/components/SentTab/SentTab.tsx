import { Fragment, useState } from 'react';
import { useApi, useNoteFeature, type TelemetrySnapshot } from '../../../../api';
import { Button, Icon, formatBytes, formatDateTime } from '../../../../ui';
import { useAction } from '../../hooks/useAction';

/** The sent ledger: every batch that left, hash-chained; verify the chain or export it. */
export function SentTab({ snapshot }: { snapshot: TelemetrySnapshot }) {
  const client = useApi();
  const noteFeature = useNoteFeature();
  const { busy, error, run } = useAction();
  const [verdict, setVerdict] = useState<{ ok: boolean; text: string } | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const ledger = snapshot.ledger;

  async function verify() {
    const result = await run(() => client['privacy.verifyLedger']({}));
    if (!result) return;
    setVerdict(
      result.ok
        ? { ok: true, text: `Chain OK: ${result.entries} ${result.entries === 1 ? 'entry' : 'entries'}` }
        : { ok: false, text: `Chain broken at entry ${result.brokenAt ?? '?'}: ${result.message}` },
    );
  }

  async function exportLedger() {
    const result = await run(() => client['privacy.exportLedger']({}));
    if (result) noteFeature('ledger-export');
    if (!result) return;
    const blob = new Blob([result.json], { type: 'application/json' });
    if (typeof URL.createObjectURL !== 'function') return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `glasswing-ledger-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <div className="sent">
      <div className="toolbar">
        <Button icon={<Icon.Shield />} onClick={() => void verify()} disabled={busy}>
          Verify chain
        </Button>
        <Button icon={<Icon.Download />} onClick={() => void exportLedger()} disabled={busy}>
          Export ledger
        </Button>
        <span role="status" className={verdict ? (verdict.ok ? 'status-line inline ok' : 'status-line inline bad') : 'status-line inline'}>
          {verdict?.text ?? ''}
        </span>
      </div>
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      {ledger.length === 0 ? (
        <div className="empty">
          <p className="empty-title">Nothing has been sent</p>
          <p className="muted">Every batch that leaves this machine is kept here with its exact bytes and a hash linking it to the one before.</p>
        </div>
      ) : (
        <table className="table" aria-label="Sent batches">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Sent</th>
              <th scope="col">Events</th>
              <th scope="col">Size</th>
              <th scope="col">Reply</th>
              <th scope="col">SHA-256</th>
              <th scope="col"><span className="sr-only">Bytes</span></th>
            </tr>
          </thead>
          <tbody>
            {ledger.map((entry) => (
              <Fragment key={entry.seq}>
                <tr>
                  <td className="num">{entry.seq}</td>
                  <td>{formatDateTime(entry.sentAt)}</td>
                  <td className="num">{entry.eventCount}</td>
                  <td className="num">{formatBytes(entry.bytes)}</td>
                  <td>
                    <span className={entry.status != null && entry.status < 300 ? 'pill pill-ok' : 'pill pill-bad'}>{entry.status ?? 'no reply'}</span>
                  </td>
                  <td>
                    <code title={entry.sha256}>{entry.sha256.slice(0, 12)}</code>
                  </td>
                  <td>
                    <Button size="sm" variant="ghost" aria-expanded={open === entry.seq} onClick={() => setOpen(open === entry.seq ? null : entry.seq)}>
                      {open === entry.seq ? 'Hide bytes' : 'Show bytes'}
                    </Button>
                  </td>
                </tr>
                {open === entry.seq ? (
                  <tr className="detail-row">
                    <td colSpan={7}>
                      <dl className="kv small">
                        <dt>Endpoint</dt>
                        <dd><code>{entry.endpoint}</code></dd>
                        <dt>Batch id</dt>
                        <dd><code>{entry.batchId}</code></dd>
                        <dt>Body SHA-256</dt>
                        <dd><code>{entry.sha256}</code></dd>
                        <dt>Entry hash</dt>
                        <dd><code>{entry.entryHash}</code></dd>
                        <dt>Previous hash</dt>
                        <dd><code>{entry.prevHash}</code></dd>
                        <dt>Reply</dt>
                        <dd><code>{entry.reply || '(empty)'}</code></dd>
                      </dl>
                      <pre className="code-block small" tabIndex={0}>{entry.body}</pre>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
