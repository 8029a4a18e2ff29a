import { useRef, useState } from 'react';
import type { Chapter, PlaybackSource } from '../../../../api';
import { useAutoplayNextSetting } from '../../hooks/useAutoplayNextSetting';
import { useCurrentChapter } from '../../hooks/useCurrentChapter';
import { useEnding } from '../../hooks/useEnding';
import { useKeyBindings } from '../../hooks/useKeyBindings';
import { useNotice } from '../../hooks/useNotice';
import { usePlayerCore } from '../../hooks/usePlayerCore';
import { useRefocus } from '../../hooks/useRefocus';
import { useStreamSwitch } from '../../hooks/useStreamSwitch';
import { useSubtitleChoice } from '../../hooks/useSubtitleChoice';
import { runAction } from '../../model/actions';
import type { ItemDetails } from '../../model/details';
import { PlayerStage } from '../PlayerStage/PlayerStage';
import { ShortcutsDialog } from '../ShortcutsDialog/ShortcutsDialog';
import { UpNext, upNextAnnouncement } from '../UpNext/UpNext';
import { PlayerPanel } from './PlayerPanel';
import '../../player.css';

const NO_CHAPTERS: readonly Chapter[] = [];

export interface PlayerProps {
  itemId: string;
  /** Changes when the same item is chosen again, to start a fresh session. */
  nonce?: number;
  onClose: () => void;
  /** Next and previous (n and p); an episode's next is its Up next. */
  onNext?: () => void;
  onPrevious?: () => void;
  /** Where the item was left last time: playback resumes there, with a way to start over. */
  resumeSec?: number | null;
  /** A session ended: its final progress was reported and it was stopped. */
  onSessionEnd?: (source: PlaybackSource) => void;
  /** The library's title, context, plot, subtitle languages, picture size and next episode. */
  details?: ItemDetails | null;
  /** The user's preferred audio and subtitle languages (settings). */
  language?: string | null;
  subtitleLanguage?: string | null;
  /** Plays another item (the next episode, from Up next). */
  onPlayNext?: (itemId: string) => void;
}

/**
 * Plays a movie or an episode: opens a session, wires the video element to the hooks that report, resume,
 * switch streams and take keys, and lays out the picture and the info panel; at the end of an episode, Up
 * next. The pieces live in their own components and hooks.
 */
export function Player({ itemId, nonce = 0, onClose, onNext, onPrevious, resumeSec = null, onSessionEnd, details = null, language, subtitleLanguage = null, onPlayNext }: PlayerProps) {
  const mediaRef = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const ending = useEnding();
  const autoplayNext = useAutoplayNextSetting();
  const core = usePlayerCore(mediaRef, { itemId, nonce, resumeSec, language, title: details?.title, onNext, onPrevious, onSessionEnd, end: ending.end });
  const { session, track } = core;
  const shown = session.shown;
  const subtitles = useSubtitleChoice(mediaRef, shown, subtitleLanguage);
  const refocus = useRefocus(sectionRef, session.source?.sessionId ?? null);
  const chapter = useCurrentChapter(mediaRef, shown?.chapters ?? NO_CHAPTERS);
  const [help, setHelp] = useState(false);
  const [notice, flash] = useNotice();
  const streams = useStreamSwitch(mediaRef, { ...session, failed: core.message !== null, flash, refocus });
  useKeyBindings(mediaRef, {
    enabled: true,
    run: (action, el) =>
      runAction(action, el, {
        ...subtitles,
        durationSec: shown?.durationSec ?? null,
        audioTracks: shown?.audioTracks ?? [],
        chooseAudio: streams.chooseAudio,
        next: track.goNext,
        previous: track.goPrevious,
        fullscreenTarget: sectionRef.current,
        showHelp: () => setHelp(true),
        flash,
      }),
  });
  const upNext = ending.ended && details?.kind === 'episode' && onPlayNext;
  const overlay = upNext ? <UpNext details={details} autoplay={autoplayNext} onPlayNext={onPlayNext} onBack={onClose} /> : null;
  const stage = { shown, details, openError: session.openError, media: core.media, textTracks: subtitles.textTracks, frame: streams.frame, autoplay: core.autoplay, notice };
  const panel = { mediaRef, shown, openError: session.openError, message: core.message, status: session.status, details, resume: core.resume, subtitles, streams, chapter };
  return (
    <section ref={sectionRef} className="player" aria-label="Player" tabIndex={-1}>
      <PlayerStage {...stage} overlay={overlay} announcement={upNext ? upNextAnnouncement(details, autoplayNext) : ''} />
      <PlayerPanel {...panel} onClose={onClose} onHelp={() => setHelp(true)} />
      {help ? <ShortcutsDialog onClose={() => setHelp(false)} /> : null}
    </section>
  );
}
