import { useState } from 'react';
import { DrawnText, cx, hueOf, initialsOf } from '../../../ui';

/**
 * A picture that gets out of the way when it fails, so what is beneath it (initials, the page's colour)
 * shows. Decorative: the heading beside it carries the name.
 */
export function Artwork({ src, className, eager = false }: { src: string | null | undefined; className?: string; eager?: boolean }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (!src || failed === src) return null;
  return <img className={cx('dt-art', className)} src={src} alt="" loading={eager ? 'eager' : 'lazy'} decoding="async" draggable={false} onError={() => setFailed(src)} />;
}

export interface PosterProps {
  /** The name the placeholder's initials and hue come from. */
  title: string;
  src: string | null | undefined;
  /** A 2:3 poster, a square cover. */
  shape: 'poster' | 'square';
  className?: string;
  eager?: boolean;
}

/** A poster or cover in a fixed box over placeholder initials, so nothing moves when it loads or fails. */
export function Poster({ title, src, shape, className, eager }: PosterProps) {
  return (
    <span className={cx('dt-poster', `dt-poster-${shape}`, className)} style={{ ['--hue' as string]: hueOf(title) }} aria-hidden="true">
      <DrawnText className="dt-initials" text={initialsOf(title)} />
      <Artwork src={src} eager={eager} />
    </span>
  );
}
