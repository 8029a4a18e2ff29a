import { Button, ErrorText, Logo, Switch } from '../../../../ui';
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
  const { snapshot, catalog, locked, chosen, choice, choose, canUpload, upload, chooseUpload, busy, error, accept } = useFirstRun();
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

        {snapshot?.endpoint ? <UploadChoice on={upload} enabled={canUpload && !busy} onChange={chooseUpload} /> : null}

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

/**
 * Recording and sending are two choices: with upload off, allowed events wait on What we collect until
 * "Send now". Offered only once something would be recorded, and off until turned on.
 */
function UploadChoice({ on, enabled, onChange }: { on: boolean; enabled: boolean; onChange: (on: boolean) => void }) {
  return (
    <section className="firstrun-upload" aria-label="Sending">
      <Switch label="Send allowed events on their own" checked={on} disabled={!enabled} describedBy="firstrun-upload-desc" onChange={onChange} />
      <p id="firstrun-upload-desc" className="muted small">
        {enabled
          ? 'After each event’s review window, in batches you can read first. Off: nothing leaves until you press Send now on What we collect.'
          : 'Turn on a category first. Until you allow sending, nothing leaves this computer.'}
      </p>
    </section>
  );
}
