import type { ReactNode } from 'react';
import { cx } from '../../../../ui';
import { hueOf, initialsOf } from '../../labels';
import { Artwork } from '../Artwork/Artwork';

export interface CardHeadProps {
  /** The heading's id, which names the card (`aria-labelledby`). */
  id: string;
  title: string;
  /** The poster or cover, when one was found. */
  artUrl: string | null | undefined;
  /** Square art (an album cover) rather than a poster. */
  square?: boolean;
  /** Lines under the title. */
  children: ReactNode;
}

/** A show's or album's card header: its art over placeholder initials on a hue from the title, its title, and lines under it. */
export function CardHead({ id, title, artUrl, square = false, children }: CardHeadProps) {
  return (
    <header className="card-head">
      <span className={cx('thumb', square && 'square')} style={{ ['--hue' as string]: hueOf(title) }} aria-hidden="true">
        {initialsOf(title)}
        <Artwork src={artUrl} />
      </span>
      <div>
        <h3 id={id} className="card-title">
          {title}
        </h3>
        {children}
      </div>
    </header>
  );
}
