import { useId, type KeyboardEvent } from 'react';
import { usePlayback } from '../../app';
import { cx } from '../../ui';
import type { Card } from './homeModel';
import { Poster } from './Poster';

interface CardProps {
  card: Card;
  /** The shelf's one tab stop. */
  tabbable: boolean;
  onFocus: () => void;
}

/**
 * Space is the player's play/pause everywhere outside text fields: a focused card must not take it as a
 * press (a button clicks on Space's keyup), so the keyup is spent here; the keydown still reaches the player.
 */
function keepSpaceForPlayer(event: KeyboardEvent) {
  if (event.key === ' ') event.preventDefault();
}

/** Continue watching and Up next: Enter or a click plays; the title below links to the item's page. */
export function PlayCard({ card, tabbable, onFocus }: CardProps) {
  const { playItem, playingId } = usePlayback();
  const progressId = useId();
  const play = card.play!;
  return (
    <li className={cx('home-card', playingId === play.itemId && 'is-playing')}>
      <button
        type="button"
        className="home-card-hit"
        data-roving=""
        tabIndex={tabbable ? 0 : -1}
        aria-label={play.label}
        aria-describedby={card.progress ? progressId : undefined}
        onClick={() => playItem(play.itemId)}
        onKeyUp={keepSpaceForPlayer}
        onFocus={onFocus}
      >
        <Poster card={card} />
      </button>
      <a className="home-card-text" href={card.href} tabIndex={tabbable ? 0 : -1} title={`${card.title}\n${card.meta}`} onFocus={onFocus}>
        <CardText card={card} />
      </a>
      {card.progress ? (
        <span id={progressId} hidden>
          {card.progress.text}
        </span>
      ) : null}
    </li>
  );
}

/** Recently added: the whole card is a link to the item's (or album's) page. */
export function LinkCard({ card, tabbable, onFocus }: CardProps) {
  return (
    <li className="home-card">
      <a className="home-card-hit home-card-link" href={card.href} data-roving="" tabIndex={tabbable ? 0 : -1} title={`${card.title}\n${card.meta}`} onFocus={onFocus}>
        <Poster card={card} />
        <CardText card={card} />
      </a>
    </li>
  );
}

function CardText({ card }: { card: Card }) {
  return (
    <span className="home-card-words">
      <span className="home-card-title">
        <bdi>{card.title}</bdi>
      </span>
      <span className="home-card-meta">
        <bdi>{card.meta}</bdi>
      </span>
    </span>
  );
}
