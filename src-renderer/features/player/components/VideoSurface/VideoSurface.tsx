import type { CSSProperties, MediaHTMLAttributes, RefObject } from 'react';
import type { PlaybackSource, SubtitleTrack } from '../../../../api';
import { ProgressBar } from '../../../../ui';
import type { FrameHold } from '../../hooks/useFrameHold';
import { textTrackKey } from '../../model/textTracks';

/** What the player puts on its one media element, `<video>` or `<audio>`: the ref and every event it listens to. */
export type MediaProps = MediaHTMLAttributes<HTMLMediaElement> & { ref: RefObject<(HTMLVideoElement & HTMLAudioElement) | null> };

export interface VideoSurfaceProps {
  source: PlaybackSource;
  textTracks: readonly SubtitleTrack[];
  media: MediaProps;
  /** Height over width of the picture; the element is sized from it so the stage never jumps as streams change. */
  ratio: number;
  /** What is happening while the last frame of a replaced session is held, or null. */
  holding: FrameHold['label'];
  /** Where that last frame is drawn. */
  heldFrameRef: FrameHold['canvasRef'];
}

/**
 * The video element of a session, with its text subtitles as `<track>`s (WebVTT from main). The same element
 * serves every session of the item, so a reopen never unmounts it; over it, the held last frame and a status.
 */
export function VideoSurface({ source, textTracks, media, ratio, holding, heldFrameRef }: VideoSurfaceProps) {
  return (
    <div className="video-surface" style={{ '--ratio': ratio } as CSSProperties} aria-busy={holding !== null}>
      <video aria-label="Video player" playsInline crossOrigin={undefined} {...media}>
        {textTracks.map((t) => {
          // Keyed by session too: a reopened session's tracks are new files even where the index repeats.
          const key = textTrackKey(source.sessionId, t.index);
          return <track key={key} data-key={key} ref={switchOffWhenRemoved} kind="subtitles" src={t.url ?? undefined} srcLang={t.language ?? undefined} label={t.label} />;
        })}
      </video>
      <canvas ref={heldFrameRef} className="held-frame" hidden={holding === null} aria-hidden="true" data-testid="held-frame" />
      {/* Always there, so screen readers hear the status when it appears. */}
      <div className="switching" role="status">
        {holding !== null ? (
          <>
            <span>{holding}</span>
            <ProgressBar label={holding} value={null} max={1} />
          </>
        ) : null}
      </div>
    </div>
  );
}

/**
 * A `<track>` about to leave (its session was replaced) is switched off first, while it is still the
 * element's: its cue leaves the picture with it instead of lingering over the next session's.
 */
function switchOffWhenRemoved(el: HTMLTrackElement | null) {
  if (!el) return;
  return () => {
    if (el.track && el.track.mode !== 'disabled') el.track.mode = 'disabled';
  };
}
