import { Fragment, useState } from 'react';
import type { LedgerEntry } from '../../../../api';
import { Button, formatBytes, formatDateTime } from '../../../../ui';
import { ReplyPill } from '../ReplyPill/ReplyPill';

/** Every batch that left, one row each; one at a time can be opened to show its hashes and exact bytes. */
export function LedgerTable({ ledger }: { ledger: readonly LedgerEntry[] }) {
  const [open, setOpen] = useState<number | null>(null);
  return (
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
            <LedgerRow entry={entry} open={open === entry.seq} onToggle={() => setOpen(open === entry.seq ? null : entry.seq)} />
            {open === entry.seq ? <LedgerDetail entry={entry} /> : null}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

function LedgerRow({ entry, open, onToggle }: { entry: LedgerEntry; open: boolean; onToggle: () => void }) {
  return (
    <tr>
      <td className="num">{entry.seq}</td>
      <td>{formatDateTime(entry.sentAt)}</td>
      <td className="num">{entry.eventCount}</td>
      <td className="num">{formatBytes(entry.bytes)}</td>
      <td>
        <ReplyPill status={entry.status} />
      </td>
      <td>
        <code title={entry.sha256}>{entry.sha256.slice(0, 12)}</code>
      </td>
      <td>
        <Button size="sm" variant="ghost" aria-expanded={open} onClick={onToggle}>
          {open ? 'Hide bytes' : 'Show bytes'}
        </Button>
      </td>
    </tr>
  );
}

/** The opened entry: where it went, its hashes and the reply, then the exact body that left. */
function LedgerDetail({ entry }: { entry: LedgerEntry }) {
  return (
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
  );
}
