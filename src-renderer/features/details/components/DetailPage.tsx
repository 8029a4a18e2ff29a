import type { ReactNode } from 'react';
import type { LibraryDetail } from '../../../api';
import type { LibraryQuery } from '../../../data/useLibraryQuery';
import { ProgressBar, formatDuration, formatRemaining } from '../../../ui';
import { RefreshFailed } from './DetailStatus';

/** The id of every page's one h1, which names the page's region. */
export const TITLE_ID = 'dt-title';

/** A page of one thing: a region named by its h1, with a quiet note when a refetch failed. */
export function DetailPage({ query, className, children }: { query: LibraryQuery<LibraryDetail>; className?: string; children: ReactNode }) {
  return (
    <section className={className ? `dt-page ${className}` : 'dt-page'} aria-labelledby={TITLE_ID}>
      <RefreshFailed query={query} />
      {children}
    </section>
  );
}

/** The page's h1: clamped to a few lines by CSS, its whole text in the tooltip. */
export function Title({ children }: { children: string }) {
  return (
    <h1 id={TITLE_ID} className="dt-title" title={children}>
      {children}
    </h1>
  );
}

/** How far in a movie or episode is: a thin bar and the time left, only while there is a resume point. */
export function ResumeProgress({ resumeSec, durationSec }: { resumeSec: number | null; durationSec: number | null }) {
  if (resumeSec === null || resumeSec <= 0 || !durationSec) return null;
  const left = Math.max(0, durationSec - resumeSec);
  return (
    <div className="dt-resume">
      <ProgressBar label="Watched so far" value={resumeSec} max={durationSec} valueText={`${formatDuration(resumeSec)} of ${formatDuration(durationSec)}`} />
      <span className="dt-resume-left">{formatRemaining(left)}</span>
    </div>
  );
}
