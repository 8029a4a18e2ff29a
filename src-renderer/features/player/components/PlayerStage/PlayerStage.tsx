import { useState, type CSSProperties } from 'react';
import type { PlaybackSource, SubtitleTrack } from '../../../../api';
import { Button, Icon } from '../../../../ui';
import { useControlsShown } from '../../hooks/useControlsShown';
import type { FrameHold } from '../../hooks/useFrameHold';
import type { ItemDetails } from '../../model/details';
import { AudioPlayer, type AudioPlayerProps } from '../AudioPlayer/AudioPlayer';
import { VideoSurface, type MediaProps } from '../VideoSurface/VideoSurface';

/** Until the picture's shape is known: the common one. */
const WIDESCREEN = 9 / 16;

export interface PlayerStageProps {
  /** The session shown, or null while the first one opens. */
  shown: PlaybackSource | null;
  /** The library's facts about the item: the picture's shape before the element knows it. Null for music. */
  details: ItemDetails | null;
  /** Opening failed: the stage stops saying it is opening (the panel says why). */
  openError: string | null;
  /** The media element's props, but for its controls. */
  media: MediaProps;
  textTracks: readonly SubtitleTrack[];
  frame: FrameHold;
  /** A music track's entry and play queue. */
  music: Omit<AudioPlayerProps, 'media'>;
  autoplay: { mutedByPolicy: boolean; unmute: () => void };
  /** A short notice over the picture ("Volume 60 %"). */
  notice: string | null;
}

/**
 * The picture, or for music what plays and the play queue, with the Unmute offer and notices over it. A video
 * keeps its picture's shape (from the library until the element knows it), and shows its own controls only
 * while the pointer moves over it or it has focus.
 */
export function PlayerStage({ shown, details, openError, media, textTracks, frame, music, autoplay, notice }: PlayerStageProps) {
  const controls = useControlsShown();
  const [aspect, setAspect] = useState<number | null>(null);
  const isVideo = shown !== null && shown.kind !== 'track';
  const { ref, ...listeners } = media;
  const element: MediaProps = {
    ref,
    controls: isVideo ? controls.shown && frame.label === null : true,
    ...(isVideo ? controls.video : {}),
    ...listeners,
    onLoadedMetadata: (e) => {
      media.onLoadedMetadata?.(e);
      const el = e.currentTarget as HTMLVideoElement;
      if (el.videoWidth > 0 && el.videoHeight > 0) setAspect(el.videoHeight / el.videoWidth);
    },
  };
  return (
    <div className="player-stage" {...(isVideo ? controls.stage : {})}>
      {shown ? (
        shown.kind === 'track' ? (
          <AudioPlayer media={element} {...music} />
        ) : (
          <VideoSurface source={shown} textTracks={textTracks} media={element} ratio={aspect ?? ratioOf(details) ?? WIDESCREEN} holding={frame.label} heldFrameRef={frame.canvasRef} />
        )
      ) : details ? (
        <div className="video-surface" style={{ '--ratio': ratioOf(details) ?? WIDESCREEN } as CSSProperties}>
          <div className="player-opening">{openError ? null : 'Opening…'}</div>
        </div>
      ) : (
        <div className="player-loading">{openError ? null : 'Opening…'}</div>
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
    </div>
  );
}

/** Height over width from the library's facts, where it knows them. */
function ratioOf(details: { width: number | null; height: number | null } | null): number | null {
  return details?.width && details.height ? details.height / details.width : null;
}
