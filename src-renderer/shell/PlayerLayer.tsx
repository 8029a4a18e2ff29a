import { useEffect } from 'react';
import { NowPlayingBar, PlayError, Player, VideoLayer, type VideoChoice } from '../features/player';
import type { useNowPlaying } from './useNowPlaying';

/** Set on `<body>` while the music bar shows: the shell makes room for it (player.css), so it never covers a row. */
export const BAR_CLASS = 'has-now-playing';

/**
 * Where the player shows: a movie or an episode over the whole window (the screen under it stays mounted,
 * so closing it is back where you were), music in a bar at the bottom of every screen. Mounted outside the
 * routed screens, so neither stops on navigation.
 */
export function PlayerLayer({ now }: { now: ReturnType<typeof useNowPlaying> }) {
  const { video, nowPlaying } = now;
  const bar = !video && now.musicPlaying;
  useEffect(() => {
    document.body.classList.toggle(BAR_CLASS, bar);
    return () => document.body.classList.remove(BAR_CLASS);
  }, [bar]);
  return (
    <>
      {video ? <VideoPlayerLayer video={video} onClose={nowPlaying.close} onPlay={(id) => void nowPlaying.playItem(id)} /> : null}
      <NowPlayingBar playQueue={now.playQueue} preloader={now.preloader} onClose={nowPlaying.close} keysEnabled={!video} />
      {now.error ? <PlayError message={now.error} onDismiss={nowPlaying.dismissError} /> : null}
    </>
  );
}

function VideoPlayerLayer({ video, onClose, onPlay }: { video: VideoChoice; onClose: () => void; onPlay: (itemId: string) => void }) {
  const key = `${video.itemId}-${video.nonce}`;
  const next = video.details?.next ?? null;
  return (
    <VideoLayer label={video.details?.title ?? 'Player'} itemKey={key} onClose={onClose}>
      <Player
        key={key}
        itemId={video.itemId}
        nonce={video.nonce}
        resumeSec={video.resumeSec}
        details={video.details}
        language={video.language}
        subtitleLanguage={video.subtitleLanguage}
        onClose={onClose}
        onPlayNext={onPlay}
        {...(next ? { onNext: () => onPlay(next.id) } : {})}
      />
    </VideoLayer>
  );
}
