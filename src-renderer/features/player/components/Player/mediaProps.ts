import type { SyntheticEvent } from 'react';
import type { PlaybackSource } from '../../../../api';
import type { useProgressReports } from '../../hooks/useProgressReports';
import { MEDIA_ERROR, type FailKind } from '../../model/failures';
import { isHls } from '../../model/hls';
import type { MediaProps } from '../VideoSurface/VideoSurface';

type MediaEvent = { currentTarget: HTMLMediaElement };

/** The hooks' parts of the element's events. */
interface MediaListeners {
  progress: ReturnType<typeof useProgressReports>['handlers'];
  reports: { started(): void; fail(kind: FailKind): void };
  resume: { onLoadedMetadata(event: MediaEvent): void };
  track: { onTimeUpdate(event: MediaEvent): void; onEnded(): void };
  autoplay: { onVolumeChange(event: MediaEvent): void };
  /** The end of the item (Up next), and playing again after it. */
  end?: { onEnded(): void; onPlaying(): void } | undefined;
}

/**
 * What the player puts on its one media element, its ref and controls aside (the stage decides the controls):
 * the session's file (an HLS stream is attached by hls.js instead) and every event a hook listens to.
 */
export function mediaProps(source: PlaybackSource | null, { progress, reports, resume, track, autoplay, end }: MediaListeners): Omit<MediaProps, 'ref'> {
  return {
    src: source && !isHls(source.mime) ? source.url : undefined,
    onPlaying: (e) => {
      progress.onPlaying(e);
      reports.started();
      end?.onPlaying();
    },
    onError: (e: SyntheticEvent<HTMLMediaElement>) => reports.fail(MEDIA_ERROR[e.currentTarget.error?.code ?? 0] ?? 'unknown'),
    onLoadedMetadata: resume.onLoadedMetadata,
    onTimeUpdate: (e) => {
      progress.onTimeUpdate(e);
      track.onTimeUpdate(e);
    },
    onEnded: (e) => {
      progress.onEnded(e);
      track.onEnded();
      end?.onEnded();
    },
    onPause: progress.onPause,
    onSeeking: progress.onSeeking,
    onSeeked: progress.onSeeked,
    onVolumeChange: autoplay.onVolumeChange,
    preload: 'auto',
  };
}
