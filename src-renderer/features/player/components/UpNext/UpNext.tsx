import { useEffect, useRef, useState, type RefObject } from 'react';
import { Button } from '../../../../ui';
import { useCountdown } from '../../hooks/useCountdown';
import type { ItemDetails, NextEpisode } from '../../model/details';

/** How long the Up next card counts down before the next episode plays. */
export const UP_NEXT_SEC = 10;

export interface UpNextProps {
  /** The episode that just ended. */
  details: ItemDetails;
  /** The setting: count down and play the next episode by itself. */
  autoplay: boolean;
  onPlayNext: (itemId: string) => void;
  /** Leaves the player, back to the screen it was opened from. */
  onBack: () => void;
}

/** What the screen reader hears when an episode ends (the card's countdown itself is not read out each second). */
export function upNextAnnouncement(details: ItemDetails, autoplay: boolean): string {
  if (!details.next) return 'That was the last episode.';
  return autoplay ? `Up next: ${details.next.label}, playing in ${UP_NEXT_SEC} seconds.` : `Up next: ${details.next.label}.`;
}

/**
 * Over the last frame of an episode: the next one, counting down to play it (Play now, Cancel), or with a
 * Play button when the setting is off; at the end of a show, that it was the last episode. Its buttons take
 * Space and Enter themselves (`data-player-keys="off"`), and focus moves to them when it appears.
 */
export function UpNext({ details, autoplay, onPlayNext, onBack }: UpNextProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => rootRef.current?.querySelector<HTMLElement>('button')?.focus(), []);
  return (
    <div ref={rootRef} className="up-next" role="group" aria-label={details.next ? 'Up next' : 'End of the show'} data-player-keys="off">
      {details.next ? <NextEpisodeCard next={details.next} autoplay={autoplay} onPlay={() => onPlayNext(details.next!.id)} onBack={onBack} rootRef={rootRef} /> : <LastEpisode onBack={onBack} />}
    </div>
  );
}

interface NextEpisodeCardProps {
  next: NextEpisode;
  autoplay: boolean;
  onPlay: () => void;
  onBack: () => void;
  rootRef: RefObject<HTMLDivElement | null>;
}

function NextEpisodeCard({ next, autoplay, onPlay, onBack, rootRef }: NextEpisodeCardProps) {
  const [cancelled, setCancelled] = useState(false);
  const counting = autoplay && !cancelled;
  const left = useCountdown(UP_NEXT_SEC, counting, onPlay);
  function cancel() {
    setCancelled(true);
    // Cancel goes away with the countdown: focus stays on the card, on Play now.
    rootRef.current?.querySelector<HTMLElement>('button')?.focus();
  }
  return (
    <>
      <p className="up-next-kicker">Up next</p>
      <p className="up-next-title">{next.label}</p>
      {counting ? (
        <p className="up-next-count" aria-hidden="true">
          Playing in {left} s
        </p>
      ) : null}
      <div className="up-next-actions">
        <Button variant="primary" onClick={onPlay}>
          Play now
        </Button>
        {counting ? <Button onClick={cancel}>Cancel</Button> : <Button onClick={onBack}>Back</Button>}
      </div>
    </>
  );
}

function LastEpisode({ onBack }: { onBack: () => void }) {
  return (
    <>
      <p className="up-next-title">That was the last episode</p>
      <div className="up-next-actions">
        <Button variant="primary" onClick={onBack}>
          Back
        </Button>
      </div>
    </>
  );
}
