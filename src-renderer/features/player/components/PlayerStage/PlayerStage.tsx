import { useState, type CSSProperties, type ReactNode } from 'react';
import type { PlaybackSource, SubtitleTrack } from '../../../../api';
import { Button, Icon } from '../../../../ui';
import { useControlsShown } from '../../hooks/useControlsShown';
import type { FrameHold } from '../../hooks/useFrameHold';
import type { ItemDetails } from '../../model/details';
import { VideoSurface, type MediaProps } from '../VideoSurface/VideoSurface';

/** Until the picture's shape is known: the common one. */
const WIDESCREEN = 9 / 16;

export interface PlayerStageProps {
  /** The session shown, or null while the first one opens. */
  shown: PlaybackSource | null;
  /** The library's facts about the item: the picture's shape before the element knows it. */
  details: ItemDetails | null;
  /** Opening failed: the stage stops saying it is opening (the panel says why). */
  openError: string | null;
  /** The media element's props, but for its controls. */
  media: MediaProps;
  textTracks: readonly SubtitleTrack[];
  frame: FrameHold;
  autoplay: { mutedByPolicy: boolean; unmute: () => void };
  /** A short notice over the picture ("Volume 60 %"). */
  notice: string | null;
  /** Over the picture at the end of an episode: the Up next card. */
  overlay?: ReactNode;
  /** Said politely when it changes (the Up next card appearing); the region is always there so it is heard. */
  announcement?: string;
}

/**
 * The picture with the Unmute offer, notices and the Up next card over it. It keeps the picture's shape (from
 * the library until the element knows it), and shows the video's own controls only while the pointer moves
 * over it or it has focus.
 */
export function PlayerStage({ shown, details, openError, media, textTracks, frame, autoplay, notice, overlay = null, announcement = '' }: PlayerStageProps) {
  const controls = useControlsShown();
  const [aspect, setAspect] = useState<number | null>(null);
  const { ref, ...listeners } = media;
  const element: MediaProps = {
    ref,
    controls: controls.shown && frame.label === null && !overlay,
    ...controls.video,
    ...listeners,
    onLoadedMetadata: (e) => {
      media.onLoadedMetadata?.(e);
      const el = e.currentTarget as HTMLVideoElement;
      if (el.videoWidth > 0 && el.videoHeight > 0) setAspect(el.videoHeight / el.videoWidth);
    },
  };
  const ratio = aspect ?? ratioOf(details) ?? WIDESCREEN;
  return (
    <div className="player-stage" {...controls.stage}>
      {shown ? (
        <VideoSurface source={shown} textTracks={textTracks} media={element} ratio={ratio} holding={frame.label} heldFrameRef={frame.canvasRef} />
      ) : (
        <div className="video-surface" style={{ '--ratio': ratio } as CSSProperties}>
          <div className="player-opening">{openError ? null : 'Opening…'}</div>
        </div>
      )}
      {autoplay.mutedByPolicy ? (
        <Button className="unmute" variant="primary" size="sm" icon={<Icon.Volume />} onClick={autoplay.unmute}>
          Unmute
        </Button>
      ) : null}
      {notice ? (
        <div className="player-notice" role="status">
          {notice}
        </div>
      ) : null}
      {overlay}
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

/** Height over width from the library's facts, where it knows them. */
function ratioOf(details: { width: number | null; height: number | null } | null): number | null {
  return details?.width && details.height ? details.height / details.width : null;
}
