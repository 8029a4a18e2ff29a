import { Fragment, memo, type MouseEvent, type ReactNode } from 'react';
import { cx } from './cx';
import { DrawnText } from './DrawnText';
import { PosterArt } from './PosterArt';
import './grid.css';

export type PosterShape = 'poster' | 'square' | 'round';

/** Text under a card's picture, in CSS pixels: the grid's row height is computed from these, so rows never jump. */
const TEXT_TOP = 8;
const TITLE_LINE = 18;
const META_LINE = 17;
/** Air under the last line, so a two-line title's meta does not sit on the next row's pictures. */
const TEXT_BOTTOM = 6;

/** A card's height at `width`: the picture, a title of up to two lines, and `metaLines` lines under it. */
export function posterCardHeight(width: number, shape: PosterShape, metaLines: number): number {
  const art = shape === 'poster' ? width * 1.5 : width;
  return Math.ceil(art + TEXT_TOP + 2 * TITLE_LINE + metaLines * META_LINE + TEXT_BOTTOM);
}

export interface PosterCardProps {
  href: string;
  title: string;
  /** Secondary lines (year, counts, artist); empty ones are left blank so every card has the same height. */
  meta: ReadonlyArray<string | null>;
  thumbUrl: string | null;
  shape?: PosterShape;
  /** The link's tab index: a grid gives its one tab stop to one card. */
  tabbable?: boolean;
  /** Words for assistive tech after the visible ones ("Watched", "Resumes at 12:00"). */
  status?: string | null;
  /** Marks over the picture (watched check, resume bar, a count badge): decorative, `status` says them; any letters in them are DrawnText. */
  marks?: ReactNode;
  playing?: boolean;
  /** A play button over the picture on hover and focus, named `playLabel`. */
  onPlay?: () => void;
  playLabel?: string;
}

/** A press on the play disc must not move focus off the card: Space would then press it again. */
const keepFocus = (event: MouseEvent) => event.preventDefault();

/**
 * A poster card: a link (Enter opens it; Space never does, it is the player's) with the picture, a title
 * clamped to two lines (the whole title in its tooltip and accessible name) and secondary lines.
 *
 * Important: the link's name is its visible words in their order (title, then each line), then `status`, so
 * what a speech user reads off the card is what they can say to click it (WCAG 2.5.3, axe's
 * label-content-name-mismatch). The picture adds no words of its own (initials and marks are DrawnText), and
 * a space between the title and each line keeps "Train" and "1998" two words (the column ignores it). The play
 * disc sits in the middle of the picture, clear of the placeholder's initials in the top-left corner, and is
 * left out of the tab order: a grid is one tab stop, and the card's page has a Play button.
 */
export const PosterCard = memo(function PosterCard(p: PosterCardProps) {
  const shape = p.shape ?? 'poster';
  const label = [p.title, ...p.meta, p.status].filter(Boolean).join(', ');
  return (
    <div className={cx('pcard', `pcard-${shape}`, p.playing && 'is-playing')}>
      <a className="pcard-link" href={p.href} tabIndex={p.tabbable === false ? -1 : 0} data-cell-focus="" title={p.title} aria-label={label}>
        <PosterArt src={p.thumbUrl} name={p.title} shape={shape}>
          {p.marks}
          {p.playing ? <DrawnText className="artbox-playing" text="Playing" /> : null}
        </PosterArt>
        <span className="pcard-title">{p.title}</span>
        {p.meta.map((line, i) => (
          <Fragment key={i}>
            {' '}
            <span className="pcard-meta">{line ?? ''}</span>
          </Fragment>
        ))}
      </a>
      {p.onPlay ? <button type="button" className="pcard-play" tabIndex={-1} aria-label={p.playLabel ?? `Play ${p.title}`} title={p.playLabel} onMouseDown={keepFocus} onClick={p.onPlay} /> : null}
    </div>
  );
});

/** A card's stand-in while its page loads: the same boxes, no text. */
export function PosterSkeleton({ shape = 'poster', metaLines }: { shape?: PosterShape; metaLines: number }) {
  return (
    <div className={cx('pcard', 'pcard-skeleton', `pcard-${shape}`)}>
      <span className="sr-only">Loading</span>
      <span className={cx('artbox', `artbox-${shape}`)} aria-hidden="true" />
      <span className="skeleton-line" aria-hidden="true" />
      {Array.from({ length: metaLines }, (_, i) => (
        <span key={i} className="skeleton-line short" aria-hidden="true" />
      ))}
    </div>
  );
}
