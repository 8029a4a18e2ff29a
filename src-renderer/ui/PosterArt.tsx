import type { CSSProperties, ReactNode, SyntheticEvent } from 'react';
import { cx } from './cx';
import { DrawnText } from './DrawnText';
import { hueOf, initialsOf } from './initials';
import './grid.css';

export interface PosterArtProps {
  /** The small picture (`thumbUrl`), or null for the placeholder. */
  src: string | null;
  /** The name the placeholder's initials and tint come from. */
  name: string;
  /** 2:3 poster, square cover, or a round portrait (artists). */
  shape?: 'poster' | 'square' | 'round';
  /** Marks over the picture (watched, progress, a count). */
  children?: ReactNode;
}

/** A failed picture steps aside for the initials beneath it; no state, so a card stays a plain render. */
function hideBroken(event: SyntheticEvent<HTMLImageElement>) {
  event.currentTarget.hidden = true;
}

/**
 * A poster, cover or portrait in a fixed-aspect box, so nothing moves when the picture arrives: the
 * thumbnail loads lazily and decodes off the main thread over a calm tint with the name's initials (which
 * a missing or broken picture leaves showing). Decorative: the card around it carries the name, and any
 * letters over the picture (initials, a mark's count) are DrawnText, so the card's visible words are its own.
 */
export function PosterArt({ src, name, shape = 'poster', children }: PosterArtProps) {
  const style = { '--hue': hueOf(name) } as CSSProperties;
  return (
    <span className={cx('artbox', `artbox-${shape}`)} style={style} aria-hidden="true">
      <DrawnText className="artbox-initials" text={initialsOf(name)} />
      {src ? <img className="artbox-img" src={src} alt="" loading="lazy" decoding="async" draggable={false} onError={hideBroken} /> : null}
      {children}
    </span>
  );
}
