import { useState } from 'react';
import type { BatchPreview } from '../../../../api';
import { formatBytes } from '../../../../ui';
import { useNextBatch } from '../../hooks/useNextBatch';
import { useQueueActions } from '../../hooks/useQueueActions';
import { NO_ENDPOINT } from '../../labels';
import type { PrivacyView } from '../../privacyStore';
import { BatchBody } from './BatchBody';

/**
 * The exact request the next send would make: endpoint, headers, size and the body bytes. The batch is
 * encoded (and fetched) only while this tab is open.
 */
export function NextBatchTab({ snapshot }: { snapshot: PrivacyView }) {
  const batch = useNextBatch();
  const endpoint = batch?.endpoint ?? snapshot.endpoint;
  const [pretty, setPretty] = useState(true);
  const { busy, error, message, setMessage, sendNow } = useQueueActions();

  async function copy() {
    if (!batch) return;
    try {
      await navigator.clipboard.writeText(batch.body);
      setMessage('Copied the exact body to the clipboard.');
    } catch {
      setMessage('Copying is not allowed here: select the text below and copy it by hand.');
    }
  }

  return (
    <div className="nextbatch">
      <dl className="kv">
        <dt>Endpoint</dt>
        <dd>{endpoint ? <code>{endpoint}</code> : <span className="strong-ok">{NO_ENDPOINT}</span>}</dd>
        {batch ? <BatchFacts batch={batch} /> : null}
      </dl>
      {batch === undefined ? <p className="muted">Loading the next batch…</p> : null}
      {batch ? (
        <BatchBody
          batch={batch}
          pretty={pretty}
          onPretty={setPretty}
          onCopy={() => void copy()}
          onSendNow={endpoint ? () => void sendNow() : null}
          busy={busy}
          status={error ?? message}
        />
      ) : batch === null ? (
        <div className="empty">
          <p className="empty-title">No batch to preview</p>
          <p className="muted">The next batch is built from queued events once their review period is over.</p>
        </div>
      ) : null}
    </div>
  );
}

/** The batch's id, event count, size and headers, as terms of the request's description list. */
function BatchFacts({ batch }: { batch: BatchPreview }) {
  return (
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
  );
}
