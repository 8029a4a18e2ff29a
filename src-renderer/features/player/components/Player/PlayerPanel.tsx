import type { RefObject } from 'react';
import type { PlaybackSource, TranscodeStatus } from '../../../../api';
import type { useResumePoint } from '../../hooks/useResumePoint';
import type { useStreamSwitch } from '../../hooks/useStreamSwitch';
import type { useSubtitleChoice } from '../../hooks/useSubtitleChoice';
import type { ItemDetails } from '../../model/details';
import { ChapterList } from '../ChapterList/ChapterList';
import { InfoPanel } from '../InfoPanel/InfoPanel';
import { TrackMenus } from '../TrackMenus/TrackMenus';

export interface PlayerPanelProps {
  mediaRef: RefObject<HTMLMediaElement | null>;
  shown: PlaybackSource | null;
  openError: string | null;
  message: string | null;
  status: TranscodeStatus | null;
  details: ItemDetails | null;
  resume: ReturnType<typeof useResumePoint>;
  subtitles: ReturnType<typeof useSubtitleChoice>;
  streams: ReturnType<typeof useStreamSwitch>;
  chapter: number | null;
  onClose: () => void;
  onHelp: () => void;
}

/** The info panel beside the picture, with the track menus and the chapters in it. */
export function PlayerPanel({ mediaRef, shown, openError, message, status, details, resume, subtitles, streams, chapter, onClose, onHelp }: PlayerPanelProps) {
  return (
    <InfoPanel
      source={shown}
      openError={openError}
      message={message}
      status={status}
      details={details}
      resumedAt={resume.resumedAt}
      onStartOver={resume.startOver}
      onClose={onClose}
      onHelp={onHelp}
    >
      {shown ? (
        <TrackMenus
          textTracks={subtitles.textTracks}
          subtitle={subtitles.subtitle}
          onSubtitle={subtitles.setSubtitle}
          audioTracks={shown.audioTracks}
          onAudio={streams.onAudio}
          imageTracks={subtitles.imageTracks}
          onBurnIn={streams.onBurnIn}
        />
      ) : null}
      {shown ? <ChapterList chapters={shown.chapters} current={chapter} onSeek={(sec) => mediaRef.current && (mediaRef.current.currentTime = sec)} /> : null}
    </InfoPanel>
  );
}
