import { useState } from 'react';
import { DrawnText, Icon, cx, initialsOf } from '../../ui';
import type { Card } from './homeModel';

/**
 * A card's picture: the thumbnail over an initials placeholder in a box of fixed aspect (2:3 posters, 1:1
 * covers), so nothing moves as pictures load or fail. Decorative: the card around it carries the name.
 */
export function Poster({ card }: { card: Card }) {
  const [failed, setFailed] = useState<string | null>(null);
  const src = card.thumbUrl && failed !== card.thumbUrl ? card.thumbUrl : null;
  return (
    <span className={cx('home-poster', card.shape === 'square' && 'is-square')} aria-hidden="true">
      <DrawnText className="home-initials" text={initialsOf(card.title)} />
      {src ? <img className="home-thumb" src={src} alt="" loading="lazy" decoding="async" draggable={false} onError={() => setFailed(src)} /> : null}
      {card.play ? (
        <span className="home-play">
          <Icon.Play />
        </span>
      ) : null}
      {card.progress ? (
        <span className="home-progress">
          <span style={{ width: `${(card.progress.fraction * 100).toFixed(1)}%` }} />
        </span>
      ) : null}
    </span>
  );
}
