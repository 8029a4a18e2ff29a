import type { MediaHTMLAttributes, RefObject } from 'react';
import type { PlaybackSource, SubtitleTrack } from '../../../../api';

/** What the player puts on its one media element, `<video>` or `<audio>`: the ref and every event it listens to. */
export type MediaProps = MediaHTMLAttributes<HTMLMediaElement> & { ref: RefObject<(HTMLVideoElement & HTMLAudioElement) | null> };

/** The video element of a session, with its text subtitles as `<track>`s (WebVTT from main). */
export function VideoSurface({ source, textTracks, media }: { source: PlaybackSource; textTracks: readonly SubtitleTrack[]; media: MediaProps }) {
  return (
    <video aria-label="Video player" playsInline crossOrigin={undefined} {...media}>
      {textTracks.map((t) => (
        // Keyed by session too: a reopened session's tracks are new files even where the index repeats.
        <track key={`${source.sessionId}-${t.index}`} kind="subtitles" src={t.url ?? undefined} srcLang={t.language ?? undefined} label={t.label} />
      ))}
    </video>
  );
}
