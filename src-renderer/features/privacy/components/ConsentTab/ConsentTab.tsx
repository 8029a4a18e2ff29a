import { useState } from 'react';
import { useApi, type Catalog, type Category, type TelemetrySnapshot } from '../../../../api';
import { Icon, Switch } from '../../../../ui';
import { useAction } from '../../hooks/useAction';
import { CATEGORIES, CATEGORY_BLURB, CATEGORY_LABEL, SOURCE_LABEL, purgeMessage } from '../../labels';

/** The master switch and the categories, who decided, and how many queued events a switch-off purged. */
export function ConsentTab({ snapshot, catalog }: { snapshot: TelemetrySnapshot; catalog: Catalog | null }) {
  const client = useApi();
  const { consent, queue } = snapshot;
  const locked = consent.source !== 'user';
  const [message, setMessage] = useState('');
  const { busy, error, run } = useAction();

  async function setMaster(on: boolean) {
    const result = await run(() => client['privacy.setMaster']({ on }));
    if (result) setMessage(on ? 'Telemetry is on for the categories you allowed.' : purgeMessage(result.purged));
  }

  async function setCategory(category: Category, on: boolean) {
    const result = await run(() => client['privacy.setCategory']({ category, on }));
    if (result) setMessage(on ? `${CATEGORY_LABEL[category]} is on.` : purgeMessage(result.purged));
  }

  return (
    <div className="consent">
      <dl className="kv">
        <dt>Decided by</dt>
        <dd>
          <strong>{SOURCE_LABEL[consent.source]}</strong>
        </dd>
      </dl>
      {locked ? (
        <div className="notice notice-locked" role="note">
          <Icon.Lock />
          <span>{consent.lockedReason ?? 'Telemetry is switched off by a setting outside the app.'}</span>
        </div>
      ) : null}

      <div className="consent-master">
        <Switch label="All telemetry" checked={consent.master} disabled={locked || busy} onChange={(on) => void setMaster(on)} describedBy="consent-master-desc" />
        <p id="consent-master-desc" className="muted">
          {consent.master ? 'Events are recorded for the categories turned on below.' : 'Off: nothing is recorded, whatever the categories say. Turning it off deletes every queued event.'}
        </p>
      </div>

      <div role="status" className="status-line">
        {message}
      </div>
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}

      <ul className="consent-categories">
        {CATEGORIES.map((category) => {
          const queued = queue.events.filter((e) => e.category === category).length;
          const events = catalog?.events.filter((e) => e.category === category) ?? [];
          const pending = consent.pendingCategories.includes(category);
          return (
            <li key={category} className="consent-category">
              <div className="consent-category-head">
                <Switch
                  label={CATEGORY_LABEL[category]}
                  checked={consent.categories[category] ?? false}
                  disabled={locked || busy}
                  describedBy={`consent-desc-${category}`}
                  onChange={(on) => void setCategory(category, on)}
                />
                {pending ? <span className="pill pill-warn">New: awaiting your decision</span> : null}
                <span className="muted small">{queued === 1 ? '1 queued event' : `${queued.toLocaleString('en-US')} queued events`}</span>
              </div>
              <p id={`consent-desc-${category}`} className="muted">
                {CATEGORY_BLURB[category]}
                {events.length > 0 ? ` Events: ${events.map((e) => e.name).join(', ')}.` : ''}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
