import { useState } from 'react';
import { useApi, type Category } from '../../../../api';
import { Button, Icon, Logo, Switch } from '../../../../ui';
import { useAction } from '../../hooks/useAction';
import { usePrivacy } from '../../hooks/usePrivacy';
import { CATEGORIES, CATEGORY_BLURB, CATEGORY_LABEL } from '../../labels';
import '../../privacy.css';

/**
 * Shown before the library until the user has seen it (nothing is recorded before then).
 * Every category starts off; Continue records exactly what the user turned on.
 */
export function FirstRun() {
  const client = useApi();
  const { snapshot, catalog, store } = usePrivacy();
  const [chosen, setChosen] = useState<Record<Category, boolean>>({ performance: false, usage: false, diagnostics: false });
  const { busy, error, run } = useAction();
  const consent = snapshot?.consent;
  const locked = consent ? consent.source !== 'user' : false;
  const endpoint = snapshot?.endpoint ?? null;

  async function onContinue() {
    await run(async () => {
      const on = locked ? [] : CATEGORIES.filter((c) => chosen[c]);
      if (on.length > 0) await client['privacy.setMaster']({ on: true });
      for (const category of on) await client['privacy.setCategory']({ category, on: true });
      await client['privacy.markSeen']({});
      await store.refresh();
    });
  }

  return (
    <main className="firstrun" aria-labelledby="firstrun-title">
      <div className="firstrun-card">
        <div className="firstrun-brand">
          <Logo size={28} />
          <span>Glasswing</span>
        </div>
        <h1 id="firstrun-title">Before you start: what Glasswing could send</h1>
        <ul className="promises">
          <li>
            <span className="promise-icon" aria-hidden="true"><Icon.Shield /></span>
            <span>
              <strong>Nothing is sent unless you turn it on.</strong> Every category below starts off, and you can
              change your mind at any time under <em>What we collect</em>.
            </span>
          </li>
          <li>
            <span className="promise-icon" aria-hidden="true"><Icon.Lock /></span>
            <span>
              <strong>Nothing about what is in your library can be expressed.</strong> Events have no free text:
              every field takes a value from a fixed list, so a title, file name, path, tag or search cannot be put
              into one. Lengths and sizes are rounded into coarse buckets first.
            </span>
          </li>
          <li>
            <span className="promise-icon" aria-hidden="true"><Icon.Eye /></span>
            <span>
              <strong>Events wait in a queue you can see.</strong> Each one stays on this machine for a review
              period, where you can read it, delete it or hold everything, and see the exact bytes before any
              batch leaves.
            </span>
          </li>
        </ul>
        <p className="firstrun-endpoint">
          {endpoint ? (
            <>
              Batches would go to <code>{endpoint}</code>, and nowhere else.
            </>
          ) : (
            'No endpoint configured: nothing will leave this machine.'
          )}
        </p>

        {locked && consent ? (
          <div className="notice notice-locked" role="note">
            <Icon.Lock />
            <span>{consent.lockedReason ?? 'Telemetry is switched off by a setting outside the app.'}</span>
          </div>
        ) : null}

        <h2 className="firstrun-subtitle">Choose what may be recorded</h2>
        <div className="category-cards">
          {CATEGORIES.map((category) => {
            const events = catalog?.events.filter((e) => e.category === category) ?? [];
            const descId = `firstrun-desc-${category}`;
            return (
              <section key={category} className={chosen[category] ? 'category-card is-on' : 'category-card'} aria-label={CATEGORY_LABEL[category]}>
                <div className="category-card-head">
                  <Switch
                    label={CATEGORY_LABEL[category]}
                    checked={!locked && chosen[category]}
                    disabled={locked || busy}
                    describedBy={descId}
                    onChange={(on) => setChosen((c) => ({ ...c, [category]: on }))}
                  />
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
          })}
        </div>

        <div className="firstrun-actions">
          {error ? (
            <p role="alert" className="error-text">
              {error}
            </p>
          ) : null}
          <p className="muted small">
            {CATEGORIES.some((c) => chosen[c]) && !locked
              ? `Glasswing will record ${CATEGORIES.filter((c) => chosen[c]).map((c) => CATEGORY_LABEL[c].toLowerCase()).join(', ')} events into your local queue.`
              : 'With everything off, Glasswing records nothing.'}
          </p>
          <Button variant="primary" onClick={onContinue} disabled={busy || !snapshot}>
            Continue
          </Button>
        </div>
      </div>
    </main>
  );
}
