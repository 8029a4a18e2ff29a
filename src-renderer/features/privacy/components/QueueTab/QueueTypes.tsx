import { plural } from '../../../../ui';
import type { QueuedType } from '../../model/queueView';
import { CategoryChip } from '../CategoryChip/CategoryChip';

interface QueueTypesProps {
  types: readonly QueuedType[];
  /** Said once when every event carries the same note; otherwise each row says its own. */
  linkability: string | null;
}

/** What the shown events are for, once per event type rather than on every row, and what ties them together. */
export function QueueTypes({ types, linkability }: QueueTypesProps) {
  return (
    <section className="queue-types" aria-label="What these events are for">
      <dl>
        {types.map((t) => (
          <div key={t.name} className="queue-type">
            <dt>
              <code className="qrow-name">{t.name}</code> <CategoryChip category={t.category} /> <span className="muted small">{plural(t.count, 'event')}</span>
            </dt>
            <dd>{t.purpose || 'No longer declared by the catalog.'}</dd>
          </div>
        ))}
      </dl>
      {linkability ? <p className="queue-link small">Every event: {linkability}</p> : null}
    </section>
  );
}
