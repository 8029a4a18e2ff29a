import { Button, ErrorText, Logo } from '../../../../ui';
import { useFirstRun } from '../../hooks/useFirstRun';
import { CATEGORIES, NO_ENDPOINT, recordingSummary } from '../../labels';
import { LockedNotice } from '../LockedNotice/LockedNotice';
import { CategoryCard } from './CategoryCard';
import { Promises } from './Promises';
import '../../privacy.css';

/**
 * Shown before the library until the user has seen it (nothing is recorded before then).
 * Every category starts off; Continue records exactly what the user turned on.
 */
export function FirstRun() {
  const { snapshot, catalog, locked, chosen, choice, choose, busy, error, accept } = useFirstRun();
  return (
    <main className="firstrun" aria-labelledby="firstrun-title">
      <div className="firstrun-card">
        <div className="firstrun-brand">
          <Logo size={28} />
          <span>Glasswing</span>
        </div>
        <h1 id="firstrun-title">Before you start: what Glasswing could send</h1>
        <Promises />
        <EndpointLine endpoint={snapshot?.endpoint ?? null} />
        {locked && snapshot ? <LockedNotice consent={snapshot.consent} /> : null}

        <h2 className="firstrun-subtitle">Choose what may be recorded</h2>
        <div className="category-cards">
          {CATEGORIES.map((category) => (
            <CategoryCard
              key={category}
              category={category}
              catalog={catalog}
              chosen={chosen[category]}
              locked={locked}
              busy={busy}
              onChange={(on) => choose(category, on)}
            />
          ))}
        </div>

        <div className="firstrun-actions">
          <ErrorText>{error}</ErrorText>
          <p className="muted small">{recordingSummary(choice)}</p>
          <Button variant="primary" onClick={accept} disabled={busy || !snapshot}>
            Continue
          </Button>
        </div>
      </div>
    </main>
  );
}

function EndpointLine({ endpoint }: { endpoint: string | null }) {
  return (
    <p className="firstrun-endpoint">
      {endpoint ? (
        <>
          Batches would go to <code>{endpoint}</code>, and nowhere else.
        </>
      ) : (
        NO_ENDPOINT
      )}
    </p>
  );
}
