import { Fragment, type ReactNode } from 'react';
import { cx } from '../../../ui';
import { Artwork, Poster } from './Artwork';

export interface HeroProps {
  /** The name behind the placeholder art. */
  title: string;
  /** Poster or cover (full size: one picture on a page, never in a grid). */
  art: string | null;
  shape: 'poster' | 'square';
  /** Fanart, shown softly behind the header; without it the poster stands in, blurred further. */
  fanart?: string | null;
  children: ReactNode;
}

/** The top of a page: artwork-forward, Infuse-like, with the title, facts and actions beside the poster. */
export function Hero({ title, art, shape, fanart = null, children }: HeroProps) {
  const backdrop = fanart ?? art;
  return (
    <header className={cx('dt-hero', backdrop && 'has-backdrop')}>
      {backdrop ? (
        <div className={cx('dt-backdrop', !fanart && 'is-poster')} aria-hidden="true">
          <Artwork src={backdrop} eager />
        </div>
      ) : null}
      <div className="dt-hero-inner">
        <Poster title={title} src={art} shape={shape} className="dt-hero-poster" eager />
        <div className="dt-hero-text">{children}</div>
      </div>
    </header>
  );
}

/** The facts line under a title ("1998 · 1 h 32 min · 1080p"), skipping what is unknown. */
export function MetaLine({ parts }: { parts: ReadonlyArray<string | number | null | undefined | false> }) {
  const shown = parts.filter((p): p is string | number => p !== null && p !== undefined && p !== false && p !== '');
  if (shown.length === 0) return null;
  // Each part isolated, so a tag with a right-to-left override cannot reorder the parts after it.
  return (
    <p className="dt-meta">
      {shown.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? ' · ' : null}
          <bdi>{part}</bdi>
        </Fragment>
      ))}
    </p>
  );
}
