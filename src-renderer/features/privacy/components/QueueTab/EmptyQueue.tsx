import type { ConsentState, PreviewEvent } from '../../../../api';
import { recordingCategories } from '../../model/consent';
import { CategoryChip } from '../CategoryChip/CategoryChip';

/** How many of the latest would-be events the preview lists. */
const PREVIEW_LIMIT = 20;

/** The queue is empty: says why, and what telemetry that is off would have recorded. */
export function EmptyQueue({ consent, preview }: { consent: ConsentState; preview: readonly PreviewEvent[] }) {
  return (
    <div className="empty">
      <p className="empty-title">No events queued</p>
      <p className="muted">
        {recordingCategories(consent).length === 0
          ? 'Telemetry is off, so nothing is being recorded. Turn a category on under Consent to see what it would record.'
          : 'Events you allowed will appear here as they are recorded, and wait here for review before anything is sent.'}
      </p>
      {preview.length > 0 ? <PreviewList preview={preview} /> : null}
    </div>
  );
}

function PreviewList({ preview }: { preview: readonly PreviewEvent[] }) {
  return (
    <div className="preview">
      <p className="small strong">Would have been recorded (kept in memory only, never stored or sent):</p>
      <ul>
        {preview.slice(-PREVIEW_LIMIT).map((p, i) => (
          <li key={i} className="qrow-fields">
            <code className="qrow-name">{p.name}</code>
            <CategoryChip category={p.category} />
            {p.fields.map((f) => (
              <span key={f.name} className="field">
                {f.name}: {f.label}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
