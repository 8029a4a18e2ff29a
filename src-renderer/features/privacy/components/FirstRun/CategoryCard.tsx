import type { Catalog, Category } from '../../../../api';
import { Switch } from '../../../../ui';
import { CATEGORY_BLURB, CATEGORY_LABEL } from '../../labels';
import { catalogEventsIn } from '../../model/consent';

interface CategoryCardProps {
  category: Category;
  /** Null while the catalog is loading. */
  catalog: Catalog | null;
  chosen: boolean;
  /** Consent is decided outside the app: the switch shows off and cannot be used. */
  locked: boolean;
  busy: boolean;
  onChange: (on: boolean) => void;
}

/** One category on the first-run screen: its switch, what it is for, and every event it holds. */
export function CategoryCard({ category, catalog, chosen, locked, busy, onChange }: CategoryCardProps) {
  const events = catalogEventsIn(catalog, category);
  const descId = `firstrun-desc-${category}`;
  return (
    <section className={chosen ? 'category-card is-on' : 'category-card'} aria-label={CATEGORY_LABEL[category]}>
      <div className="category-card-head">
        <Switch label={CATEGORY_LABEL[category]} checked={!locked && chosen} disabled={locked || busy} describedBy={descId} onChange={onChange} />
      </div>
      <p id={descId} className="muted">
        {CATEGORY_BLURB[category]}
      </p>
      {events.length > 0 ? (
        <ul className="category-events">
          {events.map((event) => (
            <li key={event.name}>
              <code>{event.name}</code>
              <span>{event.purpose}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{catalog ? 'No events in this category yet.' : 'Loading events…'}</p>
      )}
    </section>
  );
}
