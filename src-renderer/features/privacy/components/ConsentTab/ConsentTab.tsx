import { useState } from 'react';
import { useApi, type Catalog, type Category } from '../../../../api';
import { ErrorText, Switch } from '../../../../ui';
import { useAction } from '../../hooks/useAction';
import { CATEGORIES, CATEGORY_BLURB, CATEGORY_LABEL, SOURCE_LABEL, purgeMessage } from '../../labels';
import { catalogEventsIn, effectivelyOn } from '../../model/consent';
import type { PrivacyView } from '../../privacyStore';
import { LockedNotice } from '../LockedNotice/LockedNotice';

const MASTER_OFF_NOTE = 'consent-master-off';

/** The master switch and the categories, who decided, and how many queued events a switch-off purged. */
export function ConsentTab({ snapshot, catalog }: { snapshot: PrivacyView; catalog: Catalog | null }) {
  const client = useApi();
  const { consent, queue } = snapshot;
  const locked = consent.source !== 'user';
  // Locked, the locked notice already explains why everything is off.
  const masterOff = !locked && !consent.master;
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
      {locked ? <LockedNotice consent={consent} /> : null}

      <div className="consent-master">
        <Switch label="All telemetry" checked={consent.master} disabled={locked || busy} onChange={(on) => void setMaster(on)} describedBy="consent-master-desc" />
        <p id="consent-master-desc" className="muted">
          {consent.master ? 'Events are recorded for the categories turned on below.' : 'Off: nothing is recorded, whatever the categories say. Turning it off deletes every queued event.'}
        </p>
      </div>

      <div role="status" className="status-line">
        {message}
      </div>
      <ErrorText>{error}</ErrorText>

      {masterOff ? (
        <p id={MASTER_OFF_NOTE} className="notice notice-info">
          All telemetry is off, so every category is off and cannot be changed here. Turn it on to change them: your choices come back as
          you left them.
        </p>
      ) : null}
      <ul className="consent-categories">
        {CATEGORIES.map((category) => (
          <ConsentCategory
            key={category}
            category={category}
            on={effectivelyOn(consent, category)}
            pending={consent.pendingCategories.includes(category)}
            queued={queue.events.filter((e) => e.category === category).length}
            eventNames={catalogEventsIn(catalog, category).map((e) => e.name)}
            disabled={locked || busy || masterOff}
            note={masterOff ? MASTER_OFF_NOTE : undefined}
            onChange={(on) => void setCategory(category, on)}
          />
        ))}
      </ul>
    </div>
  );
}

interface ConsentCategoryProps {
  category: Category;
  on: boolean;
  /** Added by a newer catalog since the user last chose: off until accepted. */
  pending: boolean;
  /** How many of its events are queued now (what switching it off would delete). */
  queued: number;
  eventNames: readonly string[];
  disabled: boolean;
  /** The id of a note saying why the switch is disabled, if it is. */
  note?: string;
  onChange: (on: boolean) => void;
}

function ConsentCategory({ category, on, pending, queued, eventNames, disabled, note, onChange }: ConsentCategoryProps) {
  const descId = `consent-desc-${category}`;
  return (
    <li className="consent-category">
      <div className="consent-category-head">
        <Switch label={CATEGORY_LABEL[category]} checked={on} disabled={disabled} describedBy={note ? `${note} ${descId}` : descId} onChange={onChange} />
        {pending ? <span className="pill pill-warn">New: awaiting your decision</span> : null}
        <span className="muted small">{queued === 1 ? '1 queued event' : `${queued.toLocaleString('en-US')} queued events`}</span>
      </div>
      <p id={descId} className="muted">
        {CATEGORY_BLURB[category]}
        {eventNames.length > 0 ? ` Events: ${eventNames.join(', ')}.` : ''}
      </p>
    </li>
  );
}
