import { formatRoute } from '../../app';
import { Button, ErrorText } from '../../ui';

const FOLDERS = formatRoute({ screen: 'settings', tab: 'library' });

/** Grey shelves in the real ones' places while Home loads, so nothing jumps when they arrive. */
export function HomeSkeleton() {
  return (
    <div className="home-skeleton">
      <p className="sr-only" role="status">
        Loading Home…
      </p>
      {[7, 7, 6].map((cards, i) => (
        <div key={i} className="home-shelf" aria-hidden="true">
          <span className="home-skeleton-title" />
          <div className="home-row">
            {Array.from({ length: cards }, (_, j) => (
              <span key={j} className="home-card">
                <span className="home-poster home-skeleton-box" />
                <span className="home-skeleton-line" />
              </span>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

/** A new library: nothing to show until a folder is added, so say how. */
export function FirstFolder() {
  return (
    <div className="empty big home-empty">
      <h2 className="empty-title">Your library is empty</h2>
      <p className="muted">Point Glasswing at a folder of movies, shows or music. It reads the files where they are, and what is in them never leaves this computer.</p>
      <a className="btn btn-primary" href={FOLDERS}>
        Add your first folder
      </a>
    </div>
  );
}

/** Folders, but nothing playable in them yet: a first scan still running, or the wrong folder. */
export function NothingIndexed() {
  return (
    <div className="empty big home-empty">
      <h2 className="empty-title">Nothing to show yet</h2>
      <p className="muted">Your folders hold nothing Glasswing can play so far. A first scan can take a few minutes; what it finds appears here as it goes.</p>
      <a className="btn" href={FOLDERS}>
        Check your folders
      </a>
    </div>
  );
}

/** Folders and media, but nothing started: Continue watching has nothing to say yet. */
export function NothingStarted() {
  return <p className="home-hint muted">Nothing in progress yet. Start a movie or an episode and it waits here, ready to resume.</p>;
}

export function HomeError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="home-error">
      <ErrorText>Home could not load: {message}</ErrorText>
      <Button onClick={onRetry}>Retry</Button>
    </div>
  );
}
