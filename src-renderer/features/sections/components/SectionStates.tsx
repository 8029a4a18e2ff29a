import type { ReactNode } from 'react';
import { Button, ErrorText, Icon } from '../../../ui';
import type { PagedView } from '../hooks/usePagedSection';

/** The screen's h1 with the section's size ("Movies · 20,143"), a quiet placeholder while it loads. */
export function SectionHeader({ id, title, count, loading, children }: { id: string; title: string; count: number | null; loading: boolean; children?: ReactNode }) {
  return (
    <header className="section-head">
      {/* Named in one piece: assistive tech joins the count's span to the title without its space. */}
      <h1 id={id} aria-label={count !== null ? `${title} · ${count.toLocaleString('en-US')}` : undefined}>
        {title}
        {count !== null ? <span className="section-count">{` · ${count.toLocaleString('en-US')}`}</span> : null}
        {count === null && loading ? <span className="count-skeleton" aria-hidden="true" /> : null}
      </h1>
      {children}
    </header>
  );
}

/** What failed, in words, and a way to try again. */
export function LoadFailed({ what, message, onRetry, floating = false }: { what: string; message: string; onRetry: () => void; floating?: boolean }) {
  return (
    <div className={floating ? 'section-failed is-floating' : 'section-failed'}>
      <ErrorText>{`Could not load ${what}: ${message}`}</ErrorText>
      <Button size="sm" icon={<Icon.Refresh />} onClick={onRetry}>
        Retry
      </Button>
    </div>
  );
}

/** An empty section says where its items come from and where to add them. */
export function EmptySection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="empty big">
      <p className="empty-title">{title}</p>
      <p className="muted">{children}</p>
    </div>
  );
}

/** The settings page where folders are added: what an empty section points to. */
export function AddFolderHint({ kind }: { kind: string }) {
  return (
    <>
      Add a folder of {kind} in <a href="#/settings/library">Settings › Library</a>. Glasswing reads it where it is and keeps watching it for new files.
    </>
  );
}

export interface SectionBodyProps<T> {
  view: PagedView<T>;
  /** "movies", for "Could not load movies: …". */
  what: string;
  /** Shown when the section (as sorted and filtered) holds nothing. */
  empty: ReactNode;
  onRetry: () => void;
  children: ReactNode;
}

/**
 * The grid, or why there is none: a first page that failed (with Retry), or an empty section. A later page
 * that fails keeps the cards shown and says so at the foot of the window (sticky), wherever the grid is scrolled.
 */
export function SectionBody<T>({ view, what, empty, onRetry, children }: SectionBodyProps<T>) {
  const s = view.snapshot;
  if (!s.loaded && s.error) return <LoadFailed what={what} message={s.error} onRetry={onRetry} />;
  if (s.ended && s.length === 0) return <>{empty}</>;
  return (
    <>
      {children}
      {s.error ? <LoadFailed what={`more ${what}`} message={s.error} onRetry={onRetry} floating /> : null}
    </>
  );
}
