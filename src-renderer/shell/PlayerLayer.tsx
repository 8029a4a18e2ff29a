import { Player } from '../features/player';
import type { useNowPlaying } from './useNowPlaying';

/** Where the player shows: over the screens for video, a bar for music (issue 13 reworks this). */
export function PlayerLayer({ now, compact }: { now: ReturnType<typeof useNowPlaying>; compact: boolean }) {
  if (now.track) return <Player key={`queue-${now.epoch}`} itemId={now.track.itemId} nonce={now.epoch} onClose={now.close} compact={compact} playQueue={now.playQueue} preloader={now.preloader} />;
  if (!now.chosen) return null;
  return (
    <Player
      key={`${now.chosen.itemId}-${now.chosen.nonce}`}
      itemId={now.chosen.itemId}
      nonce={now.chosen.nonce}
      onClose={now.close}
      compact={compact}
      resumeSec={now.chosen.resumeSec}
      details={now.chosen.details}
      onSessionEnd={now.sessionEnded}
    />
  );
}
