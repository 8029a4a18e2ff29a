import type { QueuedEvent } from '../../../../api';
import { Button, Icon, formatClock } from '../../../../ui';
import { statusLabel } from '../../labels';
import { rowStatus } from '../../model/queueView';
import { CategoryChip } from '../CategoryChip/CategoryChip';

interface QueueRowProps {
  event: QueuedEvent;
  selected: boolean;
  /** The next batch holds this event. */
  inBatch: boolean;
  now: number;
  /** False when the queue says the note once for every event (QueueTypes). */
  showLinkability: boolean;
  /** The review window; the time left shown never exceeds it. */
  reviewWindowMs: number;
  busy: boolean;
  onSelect: (on: boolean) => void;
  onDelete: () => void;
}

/** One queued event as it is stored: name, category, hour, status and every field's value (its purpose is said once per type, above). */
export function QueueRow({ event, selected, inBatch, now, showLinkability, reviewWindowMs, busy, onSelect, onDelete }: QueueRowProps) {
  const short = event.id.slice(0, 8);
  return (
    <div className={selected ? 'qrow is-selected' : 'qrow'}>
      <input type="checkbox" className="qrow-check" aria-label={`Select ${event.name} ${short}`} checked={selected} onChange={(e) => onSelect(e.target.checked)} />
      <div className="qrow-main">
        <div className="qrow-line1">
          <code className="qrow-name">{event.name}</code>
          <CategoryChip category={event.category} />
          <span className="qrow-time" title="Timestamps are coarsened to the hour">
            {formatClock(event.hour)} · to the hour
          </span>
          <span className={`qrow-status status-${rowStatus(event, inBatch)}`}>{statusLabel(event.status, event.reviewUntil, inBatch, now, reviewWindowMs)}</span>
        </div>
        <div className="qrow-fields">
          {event.fields.length === 0 ? <span className="muted">no fields</span> : null}
          {event.fields.map((f) => (
            <span key={f.name} className="field" title={`Stored and sent as "${f.value}"`}>
              {f.name}: {f.label}
            </span>
          ))}
        </div>
        {showLinkability ? <p className="qrow-link">{event.linkability}</p> : null}
      </div>
      <Button size="sm" variant="ghost" className="qrow-delete" aria-label={`Delete event ${event.name} ${short}`} title="Delete" onClick={onDelete} disabled={busy}>
        <Icon.Trash />
        <span className="qrow-delete-word" aria-hidden="true">
          Delete
        </span>
      </Button>
    </div>
  );
}
