import type { LibraryDetail } from '../../../api';
import type { LibraryQuery } from '../../../data/useLibraryQuery';
import { formatRoute } from '../../../app';
import { Button, ErrorText, Icon } from '../../../ui';

/** Whether the page's thing is gone: main said so, or the id names something of another kind. */
export function isGone(query: LibraryQuery<LibraryDetail>, wrongKind: boolean): boolean {
  return query.errorCode === 'not-found' || (query.data !== null && wrongKind);
}

/**
 * Everything a page shows before (or instead of) its thing: a skeleton the shape of the page while it loads,
 * "not in your library any more" with a way Home, or what went wrong with a Retry.
 */
export function DetailStatus({ query, gone, shape }: { query: LibraryQuery<LibraryDetail>; gone: boolean; shape: 'poster' | 'square' }) {
  if (gone) return <NotFound />;
  if (query.error !== null) return <LoadFailed message={query.error} onRetry={query.reload} />;
  return <DetailSkeleton shape={shape} />;
}

function NotFound() {
  return (
    <section className="dt-page dt-status" aria-labelledby="dt-gone-title">
      <div className="empty big">
        <h1 id="dt-gone-title" className="empty-title">
          This is not in your library any more
        </h1>
        <p className="muted">It was removed, renamed outside Glasswing, or its folder is offline. Search may find it under its new name.</p>
        <a className="btn btn-secondary" href={formatRoute({ screen: 'home' })}>
          <Icon.Home /> Go to Home
        </a>
      </div>
    </section>
  );
}

function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <section className="dt-page dt-status" aria-labelledby="dt-failed-title">
      <div className="empty big">
        <h1 id="dt-failed-title" className="empty-title">
          Could not open this page
        </h1>
        <ErrorText>{message}</ErrorText>
        <Button icon={<Icon.Refresh />} onClick={onRetry}>
          Retry
        </Button>
      </div>
    </section>
  );
}

/** The page's shape in grey, so the header and lists land where the skeleton stood. */
export function DetailSkeleton({ shape }: { shape: 'poster' | 'square' }) {
  return (
    <section className="dt-page dt-skeleton" aria-busy="true" aria-labelledby="dt-loading-title">
      <h1 id="dt-loading-title" className="sr-only">
        Loading…
      </h1>
      <div className="dt-hero-inner">
        <span className={`dt-poster dt-poster-${shape} dt-bone`} />
        <div className="dt-hero-text">
          <span className="dt-bone dt-bone-title" />
          <span className="dt-bone dt-bone-line" />
          <span className="dt-bone dt-bone-button" />
          <span className="dt-bone dt-bone-line long" />
          <span className="dt-bone dt-bone-line long" />
        </div>
      </div>
      <div className="dt-body">
        {[0, 1, 2, 3, 4].map((i) => (
          <span key={i} className="dt-bone dt-bone-row" />
        ))}
      </div>
    </section>
  );
}

/** A refetch failed while the page still shows its last answer: say so quietly, with a Retry. */
export function RefreshFailed({ query }: { query: LibraryQuery<LibraryDetail> }) {
  if (query.error === null || query.data === null) return null;
  return (
    <div className="dt-refresh-failed">
      <ErrorText>Could not refresh this page: {query.error}</ErrorText>
      <Button size="sm" onClick={query.reload}>
        Retry
      </Button>
    </div>
  );
}
