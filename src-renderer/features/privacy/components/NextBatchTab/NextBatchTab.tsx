import { useMemo, useState } from 'react';
import { useApi, type TelemetrySnapshot } from '../../../../api';
import { Button, Icon, formatBytes } from '../../../../ui';
import { useAction } from '../../hooks/useAction';

export const NO_ENDPOINT = 'No endpoint configured: nothing will leave this machine.';

/** The exact request the next send would make: endpoint, headers, size and the body bytes. */
export function NextBatchTab({ snapshot }: { snapshot: TelemetrySnapshot }) {
  const batch = snapshot.nextBatch;
  const endpoint = batch?.endpoint ?? snapshot.endpoint;
  const [pretty, setPretty] = useState(true);
  const [copyMessage, setCopyMessage] = useState('');
  const client = useApi();
  const send = useAction();

  async function sendNow() {
    const result = await send.run(() => client['privacy.sendNow']({}));
    if (result) setCopyMessage(result.message);
  }

  const prettyBody = useMemo(() => {
    if (!batch) return '';
    try {
      return JSON.stringify(JSON.parse(batch.body), null, 2);
    } catch {
      return batch.body;
    }
  }, [batch]);

  async function copy() {
    if (!batch) return;
    try {
      await navigator.clipboard.writeText(batch.body);
      setCopyMessage('Copied the exact body to the clipboard.');
    } catch {
      setCopyMessage('Copying is not allowed here: select the text below and copy it by hand.');
    }
  }

  return (
    <div className="nextbatch">
      <dl className="kv">
        <dt>Endpoint</dt>
        <dd>{endpoint ? <code>{endpoint}</code> : <span className="strong-ok">{NO_ENDPOINT}</span>}</dd>
        {batch ? (
          <>
            <dt>Batch id</dt>
            <dd><code>{batch.batchId}</code></dd>
            <dt>Events</dt>
            <dd>{batch.eventIds.length.toLocaleString('en-US')}</dd>
            <dt>Size</dt>
            <dd>{formatBytes(batch.bytes, true)}</dd>
            <dt>Headers</dt>
            <dd>
              <ul className="headers">
                {Object.entries(batch.headers).map(([name, value]) => (
                  <li key={name}>
                    <code>
                      {name}: {value}
                    </code>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>

      {batch ? (
        <>
          <div className="toolbar">
            <div className="segmented" role="group" aria-label="Body format">
              <button type="button" aria-pressed={pretty} onClick={() => setPretty(true)}>
                Pretty
              </button>
              <button type="button" aria-pressed={!pretty} onClick={() => setPretty(false)}>
                Raw
              </button>
            </div>
            <Button icon={<Icon.Copy />} onClick={() => void copy()}>
              Copy
            </Button>
            {endpoint ? (
              <Button variant="primary" icon={<Icon.Send />} disabled={send.busy} onClick={() => void sendNow()}>
                Send now
              </Button>
            ) : null}
            <span role="status" className="status-line inline">
              {send.error ?? copyMessage}
            </span>
          </div>
          <p className="muted small">
            {pretty ? 'Pretty-printed for reading. The request sends the raw bytes, exactly as under “Raw”.' : 'These are the exact bytes of the request body (OTLP/HTTP JSON logs).'}
          </p>
          <pre className="code-block" aria-label={pretty ? 'Batch body, pretty-printed' : 'Batch body, exact bytes'} tabIndex={0}>
            {pretty ? prettyBody : batch.body}
          </pre>
        </>
      ) : (
        <div className="empty">
          <p className="empty-title">No batch to preview</p>
          <p className="muted">The next batch is built from queued events once their review period is over.</p>
        </div>
      )}
    </div>
  );
}
