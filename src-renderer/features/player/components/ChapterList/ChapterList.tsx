import type { Chapter } from '../../../../api';
import { cx, formatDuration } from '../../../../ui';

export interface ChapterListProps {
  chapters: readonly Chapter[];
  /** The chapter playing now, marked with `aria-current`. */
  current?: number | null;
  onSeek: (sec: number) => void;
}

/** The file's chapters; choosing one seeks there. Titles come from the file's tags and are shown as text. */
export function ChapterList({ chapters, current = null, onSeek }: ChapterListProps) {
  if (chapters.length === 0) return null;
  return (
    <nav aria-label="Chapters" className="chapters">
      <h3 className="small muted">Chapters</h3>
      <ol>
        {chapters.map((c, i) => (
          <li key={i}>
            <button type="button" className={cx('chapter', i === current && 'is-current')} aria-current={i === current ? 'true' : undefined} onClick={() => onSeek(c.startSec)}>
              <span className="chapter-time">{formatDuration(c.startSec)}</span>{' '}
              <span className="chapter-title">{c.title}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
