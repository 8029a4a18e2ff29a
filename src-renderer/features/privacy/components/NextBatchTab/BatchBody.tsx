import { useMemo } from 'react';
import type { BatchPreview } from '../../../../api';
import { Button, Icon } from '../../../../ui';
import { prettyJson } from '../../model/batch';

interface BatchBodyProps {
  batch: BatchPreview;
  /** Indented for reading, or the exact bytes. */
  pretty: boolean;
  onPretty: (pretty: boolean) => void;
  onCopy: () => void;
  /** Null when there is no endpoint to send to. */
  onSendNow: (() => void) | null;
  busy: boolean;
  /** What the last copy or send did, for the status line. */
  status: string;
}

/** The next batch's body, pretty or raw, with copy and send now. */
export function BatchBody({ batch, pretty, onPretty, onCopy, onSendNow, busy, status }: BatchBodyProps) {
  const prettyBody = useMemo(() => prettyJson(batch.body), [batch]);
  return (
    <>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label="Body format">
          <button type="button" aria-pressed={pretty} onClick={() => onPretty(true)}>
            Pretty
          </button>
          <button type="button" aria-pressed={!pretty} onClick={() => onPretty(false)}>
            Raw
          </button>
        </div>
        <Button icon={<Icon.Copy />} onClick={onCopy}>
          Copy
        </Button>
        {onSendNow ? (
          <Button variant="primary" icon={<Icon.Send />} disabled={busy} onClick={onSendNow}>
            Send now
          </Button>
        ) : null}
        <span role="status" className="status-line inline">
          {status}
        </span>
      </div>
      <p className="muted small">
        {pretty ? 'Pretty-printed for reading. The request sends the raw bytes, exactly as under “Raw”.' : 'These are the exact bytes of the request body (OTLP/HTTP JSON logs).'}
      </p>
      <pre className="code-block" aria-label={pretty ? 'Batch body, pretty-printed' : 'Batch body, exact bytes'} tabIndex={0}>
        {pretty ? prettyBody : batch.body}
      </pre>
    </>
  );
}
