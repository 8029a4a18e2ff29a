import type { Catalog, CatalogEvent, Category, ConsentState } from '../../../../api';
import { CATEGORY_LABEL } from '../../labels';
import { CategoryChip } from '../CategoryChip/CategoryChip';

/** Every event Glasswing can ever send, with every value each field can take, and the catalog's history. */
export function CatalogTab({ catalog, consent }: { catalog: Catalog | null; consent: ConsentState }) {
  if (!catalog) return <p className="muted">Loading the catalog…</p>;
  return (
    <div className="catalog">
      <p className="muted">
        Catalog version {catalog.version}: {catalog.events.length} event {catalog.events.length === 1 ? 'type' : 'types'}. No field holds free text; every value is one of those listed.
      </p>
      {consent.pendingCategories.length > 0 ? <PendingNotice pending={consent.pendingCategories} /> : null}
      <div className="catalog-events">
        {catalog.events.map((event) => (
          <CatalogEventCard key={event.name} event={event} />
        ))}
      </div>
      <h2 className="section-title">Changelog</h2>
      <Changelog changelog={catalog.changelog} />
    </div>
  );
}

/** Categories a newer catalog added since the user last chose: off until turned on under Consent. */
function PendingNotice({ pending }: { pending: readonly Category[] }) {
  const one = pending.length === 1;
  return (
    <div className="notice notice-info">
      <span>
        New {one ? 'category' : 'categories'} awaiting your decision (off until you turn {one ? 'it' : 'them'} on under Consent):{' '}
        {pending.map((c) => CATEGORY_LABEL[c]).join(', ')}
      </span>
    </div>
  );
}

function CatalogEventCard({ event }: { event: CatalogEvent }) {
  return (
    <article className="catalog-event" aria-labelledby={`cat-${event.name}`}>
      <header className="catalog-event-head">
        <h3 id={`cat-${event.name}`}>
          <code>{event.name}</code>
        </h3>
        <CategoryChip category={event.category} />
        <span className="muted small" title="The worst-case number of distinct field combinations: how few people any one event could single out">
          Uniqueness budget: at most {event.uniqueness.toLocaleString('en-US')} {event.uniqueness === 1 ? 'combination' : 'combinations'}
        </span>
      </header>
      <p>{event.purpose}</p>
      {event.fields.length === 0 ? <p className="muted small">No fields: the event only says that it happened.</p> : <FieldTable fields={event.fields} />}
    </article>
  );
}

/** Each field of an event: its type (and generalizer), what it means, and every value it can take. */
function FieldTable({ fields }: { fields: CatalogEvent['fields'] }) {
  return (
    <table className="table compact">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Type</th>
          <th scope="col">Meaning</th>
          <th scope="col">Possible values</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f.name}>
            <td><code>{f.name}</code></td>
            <td>
              {f.type}
              {f.generalizer ? <span className="muted small"> ({f.generalizer})</span> : null}
            </td>
            <td>{f.description}</td>
            <td>
              <span className="values">
                {f.values.map((v) => (
                  <span key={v} className="field">
                    {v}
                  </span>
                ))}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Changelog({ changelog }: { changelog: Catalog['changelog'] }) {
  return (
    <ol className="changelog">
      {changelog.map((entry) => (
        <li key={entry.version}>
          <strong>Version {entry.version}</strong>
          <ul>
            {entry.changes.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
