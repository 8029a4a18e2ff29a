import type { QueueState } from '../../../../api';
import { reviewWindowLabel } from '../../labels';

interface QueueMetaProps {
  queue: QueueState;
  shownCount: number;
  allShownSelected: boolean;
  onSelectAllShown: (on: boolean) => void;
  /** What the last action did, for the status line. */
  message: string;
}

/** Between the toolbar and the list: select all shown, the queue's counts and limits, and the status line. */
export function QueueMeta({ queue, shownCount, allShownSelected, onSelectAllShown, message }: QueueMetaProps) {
  return (
    <div className="queue-meta">
      <label className="check-inline">
        <input type="checkbox" checked={allShownSelected} disabled={shownCount === 0} onChange={(e) => onSelectAllShown(e.target.checked)} />
        Select all shown
      </label>
      <QueueCounts queue={queue} />
      {shownCount !== queue.events.length ? (
        <span className="muted small">
          Showing {shownCount.toLocaleString('en-US')} of {queue.events.length.toLocaleString('en-US')}
        </span>
      ) : null}
      <div role="status" className="status-line">
        {message}
      </div>
    </div>
  );
}

function QueueCounts({ queue }: { queue: QueueState }) {
  return (
    <dl className="counts">
      <div><dt>Queued</dt><dd>{queue.total.toLocaleString('en-US')}</dd></div>
      <div><dt>Dropped</dt><dd>{queue.dropped.toLocaleString('en-US')}</dd></div>
      <div><dt>Invalid</dt><dd>{queue.invalid.toLocaleString('en-US')}</dd></div>
      <div><dt>Review window</dt><dd>{reviewWindowLabel(queue.reviewWindowMs)}</dd></div>
      <div title="Past this, the oldest events are dropped and counted"><dt>Limit</dt><dd>{queue.limits.maxEvents.toLocaleString('en-US')}</dd></div>
    </dl>
  );
}
