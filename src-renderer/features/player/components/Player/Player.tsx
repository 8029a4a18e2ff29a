import { useCallback, useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useApi, type PlayDecision, type PlaybackSource } from '../../../../api';
import { Button, Icon, createStore, cx, formatDuration, useStore } from '../../../../ui';
import { useHls } from '../../hooks/useHls';
import { useMediaSession } from '../../hooks/useMediaSession';
import { usePlaybackSource, type Reopen, type SessionHooks } from '../../hooks/usePlaybackSource';
import { useProgressReports } from '../../hooks/useProgressReports';
import { useTranscodeStatus } from '../../hooks/useTranscodeStatus';
import { actionForKey, type PlayerAction } from '../../model/keys';
import type { PreloadState, Preloader } from '../../model/preloader';
import { EMPTY_QUEUE, currentEntry, upcoming, type PlayQueue, type QueueState } from '../../model/queue';
import { QueuePanel } from '../QueuePanel/QueuePanel';
import { ShortcutsDialog } from '../ShortcutsDialog/ShortcutsDialog';
import '../../player.css';

type FailKind = 'aborted' | 'network' | 'decode' | 'unsupported' | 'unknown';

const MEDIA_ERROR: Record<number, FailKind> = { 1: 'aborted', 2: 'network', 3: 'decode', 4: 'unsupported' };

const FAIL_MESSAGE: Record<FailKind, string> = {
  aborted: 'Playback was stopped before the file finished loading.',
  network: 'The file could not be loaded. Check that its folder is still reachable, then try again.',
  decode: 'This file could not be decoded. It may be damaged, or use a codec this player cannot handle.',
  unsupported: 'This file’s format cannot be played here.',
  unknown: 'Playback failed for an unknown reason.',
};

export const DECISION_LABEL: Record<PlayDecision, string> = { direct: 'Direct play', remux: 'Remux', transcode: 'Transcode' };

/** One frame at 25 fps; close enough for stepping at any common rate. */
const FRAME_SEC = 0.04;
/** The next track's session is opened this close to the end of the current one. */
export const PRELOAD_LEAD_SEC = 10;
/** Previous restarts the track instead when this far into it (as every music player does). */
const RESTART_AFTER_SEC = 3;

const NO_QUEUE = createStore<QueueState>(EMPTY_QUEUE);
const NO_PRELOAD = createStore<PreloadState>(null);

export interface PlayerProps {
  itemId: string;
  /** Changes when the same item is chosen again, to start a fresh session. */
  nonce?: number;
  onClose: () => void;
  /** A small corner player while another screen is shown; the same element keeps playing. */
  compact?: boolean;
  /** Next and previous in a queue, where there is one (n and p); a `queue` takes precedence. */
  onNext?: () => void;
  onPrevious?: () => void;
  /** Where the item was left last time: playback resumes there, with a way to start over. */
  resumeSec?: number | null;
  /** The music queue this item plays from: shown, and followed at the end of each track. */
  queue?: PlayQueue;
  /** Opens the next track ahead of time; its session is taken over when that track starts. */
  preloader?: Preloader;
  /** A session ended: its final progress was reported and it was stopped. */
  onSessionEnd?: (source: PlaybackSource) => void;
}

/** Plays one item: opens a session, reports the first `playing` and any failure, shows why it plays as it does. */
export function Player({ itemId, nonce = 0, onClose, compact = false, onNext, onPrevious, resumeSec = null, queue, preloader, onSessionEnd }: PlayerProps) {
  const client = useApi();
  const [reopen, setReopen] = useState<Reopen>(() => (resumeSec !== null && resumeSec > 0 ? { generation: 0, startSec: resumeSec } : { generation: 0 }));
  // Read when a session starts or ends, so new callbacks never reopen anything.
  const latest = useRef<{ preloader?: Preloader; onSessionEnd?: (s: PlaybackSource) => void; final?: (id: string) => Promise<unknown> | undefined }>({ preloader, onSessionEnd });
  const sessionHooks = useRef<SessionHooks>({
    take: (id) => latest.current.preloader?.take(id) ?? null,
    beforeStop: (id) => latest.current.final?.(id),
    afterStop: (s) => latest.current.onSessionEnd?.(s),
  });
  const { source, error: openError } = usePlaybackSource(itemId, nonce, reopen, sessionHooks);
  const status = useTranscodeStatus(source);
  const mediaRef = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const progress = useProgressReports(mediaRef, source);
  useEffect(() => {
    latest.current = { preloader, onSessionEnd, final: progress.final };
  });
  const queueState = useStore(queue ?? NO_QUEUE);
  const preloaded = useStore(preloader ?? NO_PRELOAD);
  const [startedOver, setStartedOver] = useState(false);
  const sectionRef = useRef<HTMLElement>(null);
  const reported = useRef<{ started: string | null; failed: string | null }>({ started: null, failed: null });
  const [failure, setFailure] = useState<FailKind | null>(null);
  const [mutedByPolicy, setMutedByPolicy] = useState(false);
  // The chosen text track of this session; a new session starts with its default (forced) track.
  const [chosenSubtitle, setChosenSubtitle] = useState<{ sessionId: string; index: number | null } | null>(null);
  const subtitle =
    source && chosenSubtitle?.sessionId === source.sessionId
      ? chosenSubtitle.index
      : (source?.subtitles.find((t) => t.default && t.url !== null)?.index ?? null);
  const setSubtitle = (index: number | null) => source && setChosenSubtitle({ sessionId: source.sessionId, index });
  const [help, setHelp] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const isHls = source ? /mpegurl/i.test(source.mime) : false;
  const entry = queue ? currentEntry(queueState) : null;
  const queueEntry = entry && entry.itemId === itemId ? entry : null;
  const resumedAt = source && reopen.generation === 0 && resumeSec !== null && source.startSec > 0 && !startedOver ? source.startSec : null;

  const goNext = queue ? () => void queue.next() : onNext;
  const goPrevious = queue
    ? () => {
        const el = mediaRef.current;
        if (el && el.currentTime > RESTART_AFTER_SEC) el.currentTime = 0;
        else if (!queue.previous() && el) el.currentTime = 0;
      }
    : onPrevious;

  useMediaSession(
    mediaRef,
    source ? { title: queueEntry?.title ?? source.title, artist: queueEntry?.artist ?? null, album: queueEntry?.album ?? null } : null,
    { ...(goNext ? { onNext: goNext } : {}), ...(goPrevious ? { onPrevious: goPrevious } : {}) },
  );
  const textTracks = source ? source.subtitles.filter((t) => t.url !== null) : [];

  const fail = useCallback(
    (kind: FailKind) => {
      setFailure(kind);
      if (!source || reported.current.failed === source.sessionId) return;
      reported.current.failed = source.sessionId;
      client['playback.reportFailed']({ sessionId: source.sessionId, error: kind }).catch(() => undefined);
    },
    [client, source],
  );

  useHls(mediaRef, source?.url ?? null, source?.mime ?? null, fail);

  // Show the chosen text track, hide the others.
  useEffect(() => {
    const el = mediaRef.current;
    if (!el?.textTracks || !source) return;
    const withUrl = source.subtitles.filter((t) => t.url !== null);
    for (let i = 0; i < el.textTracks.length; i++) {
      const track = el.textTracks[i];
      if (track) track.mode = withUrl[i]?.index === subtitle ? 'showing' : 'disabled';
    }
  }, [subtitle, source]);

  // Autoplay; if the browser's policy refuses sound without a gesture, start muted and offer Unmute.
  useEffect(() => {
    const el = mediaRef.current;
    if (!el || !source) return;
    setFailure(null);
    setMutedByPolicy(false);
    el.muted = false;
    const attempt = el.play?.();
    if (!attempt || typeof attempt.catch !== 'function') return;
    attempt.catch((error: unknown) => {
      if (!(error instanceof DOMException) || error.name !== 'NotAllowedError' || source.kind === 'track') return;
      el.muted = true;
      setMutedByPolicy(true);
      el.play().catch(() => undefined);
    });
  }, [source]);

  function flash(text: string) {
    setNotice(text);
  }

  function run(action: PlayerAction, el: HTMLMediaElement, current: PlaybackSource | null) {
    const duration = Number.isFinite(el.duration) && el.duration > 0 ? el.duration : (current?.durationSec ?? 0);
    switch (action.type) {
      case 'toggle':
        if (el.paused) void el.play?.()?.catch(() => undefined);
        else el.pause();
        return;
      case 'seekBy':
        el.currentTime = Math.max(0, Math.min(duration || Infinity, el.currentTime + action.seconds));
        return;
      case 'volumeBy':
        el.volume = Math.round(Math.max(0, Math.min(1, el.volume + action.delta)) * 100) / 100;
        flash(`Volume ${Math.round(el.volume * 100)} %`);
        return;
      case 'mute':
        el.muted = !el.muted;
        flash(el.muted ? 'Muted' : 'Sound on');
        return;
      case 'fullscreen':
        if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
        else void sectionRef.current?.requestFullscreen?.().catch(() => undefined);
        return;
      case 'subtitles': {
        if (!current || textTracks.length === 0) return flash('No subtitles');
        const at = textTracks.findIndex((t) => t.index === subtitle);
        const next = at + 1 < textTracks.length ? textTracks[at + 1] : undefined;
        setSubtitle(next?.index ?? null);
        flash(next ? `Subtitles: ${next.label}` : 'Subtitles off');
        return;
      }
      case 'audioTrack': {
        if (!current || current.audioTracks.length < 2) return flash('Only one audio track');
        const at = current.audioTracks.findIndex((t) => t.selected);
        const next = current.audioTracks[(at + 1) % current.audioTracks.length];
        if (next) chooseAudio(next.index, el.currentTime);
        return;
      }
      case 'next':
        goNext?.();
        return;
      case 'previous':
        goPrevious?.();
        return;
      case 'frame':
        if (!el.paused) return;
        el.currentTime = Math.max(0, el.currentTime + action.direction * FRAME_SEC);
        return;
      case 'seekToFraction':
        if (duration > 0) el.currentTime = duration * action.fraction;
        return;
      case 'help':
        setHelp(true);
        return;
    }
  }

  function chooseAudio(index: number, at: number) {
    const track = source?.audioTracks.find((t) => t.index === index);
    if (track) flash(`Audio: ${track.label}`);
    setReopen((r) => ({ generation: r.generation + 1, audioTrack: index, startSec: at, ...(r.burnSubtitle !== undefined ? { burnSubtitle: r.burnSubtitle } : {}) }));
  }

  function burnIn(index: number | undefined) {
    const at = mediaRef.current?.currentTime ?? 0;
    setReopen((r) => ({ generation: r.generation + 1, startSec: at, ...(r.audioTrack !== undefined ? { audioTrack: r.audioTrack } : {}), ...(index !== undefined ? { burnSubtitle: index } : {}) }));
  }

  // Shortcuts work anywhere on the page while the full player is shown; Escape also closes it.
  const runRef = useRef(run);
  const sourceRef = useRef(source);
  useEffect(() => {
    runRef.current = run;
    sourceRef.current = source;
  });
  useEffect(() => {
    if (compact) return;
    function onKey(event: globalThis.KeyboardEvent) {
      if (event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, select, textarea, [role="dialog"], [contenteditable="true"]')) return;
      if (event.key === 'Escape') {
        if (document.fullscreenElement) return;
        onClose();
        return;
      }
      // Space and Enter on a focused button press that button.
      if (event.key === ' ' && target?.closest('button, a, video, audio')) {
        if (!target.closest('video, audio')) return;
      }
      const action = actionForKey(event);
      const el = mediaRef.current;
      if (!action || !el) return;
      event.preventDefault();
      runRef.current(action, el, sourceRef.current);
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose, compact]);

  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(null), 1500);
    return () => clearTimeout(t);
  }, [notice]);

  function onLoadedMetadata(event: SyntheticEvent<HTMLMediaElement>) {
    if (source && source.startSec > 0) event.currentTarget.currentTime = source.startSec;
  }

  function startOver() {
    const el = mediaRef.current;
    if (el) el.currentTime = 0;
    setStartedOver(true);
  }

  // Near the end of a track, open the next one so its file is already loading when this one ends.
  function onTimeUpdate(event: SyntheticEvent<HTMLMediaElement>) {
    progress.handlers.onTimeUpdate(event);
    if (!queue || !preloader || source?.kind !== 'track') return;
    const el = event.currentTarget;
    const duration = Number.isFinite(el.duration) && el.duration > 0 ? el.duration : (source.durationSec ?? 0);
    if (duration <= 0 || duration - el.currentTime > PRELOAD_LEAD_SEC) return;
    const up = upcoming(queue.get());
    if (up) preloader.preload(up.itemId);
    else preloader.discard();
  }

  function onEnded(event: SyntheticEvent<HTMLMediaElement>) {
    progress.handlers.onEnded(event);
    queue?.next(true);
  }

  function onPlaying(event: SyntheticEvent<HTMLMediaElement>) {
    progress.handlers.onPlaying(event);
    if (!source || reported.current.started === source.sessionId) return;
    reported.current.started = source.sessionId;
    client['playback.reportStarted']({ sessionId: source.sessionId }).catch(() => undefined);
  }

  function onMediaError(event: SyntheticEvent<HTMLMediaElement>) {
    const code = event.currentTarget.error?.code ?? 0;
    fail(MEDIA_ERROR[code] ?? 'unknown');
  }

  function unmute() {
    const el = mediaRef.current;
    if (el) el.muted = false;
    setMutedByPolicy(false);
  }

  // ffmpeg's own words beat a generic "network error" from hls.js.
  const message = openError ?? (status?.state === 'failed' ? status.message : null) ?? (failure ? FAIL_MESSAGE[failure] : null);
  const mediaProps = {
    ref: mediaRef,
    controls: true,
    src: source && !isHls ? source.url : undefined,
    onPlaying,
    onError: onMediaError,
    onLoadedMetadata,
    onTimeUpdate,
    onEnded,
    onPause: progress.handlers.onPause,
    onSeeking: progress.handlers.onSeeking,
    onSeeked: progress.handlers.onSeeked,
    onVolumeChange: (e: SyntheticEvent<HTMLMediaElement>) => !e.currentTarget.muted && setMutedByPolicy(false),
    preload: 'auto' as const,
  };
  const imageTracks = source ? source.subtitles.filter((t) => t.url === null) : [];
  const preloadUrl = preloaded?.source && !/mpegurl/i.test(preloaded.source.mime) ? preloaded.source.url : null;

  return (
    <>
      <section ref={sectionRef} className={cx('player', compact && 'is-compact', source?.kind === 'track' && 'is-audio')} aria-label="Player" tabIndex={-1}>
        <div className="player-stage">
          {source ? (
            source.kind === 'track' ? (
              <div className="audio-column">
                <div className="audio-stage">
                  <span className="audio-art" aria-hidden="true">
                    <Icon.Music />
                  </span>
                  <div className="audio-main">
                    {queueEntry ? (
                      <p className="audio-now">
                        <span className="audio-now-title">{queueEntry.title}</span>
                        <span className="audio-now-meta">{[queueEntry.artist, queueEntry.album].filter(Boolean).join(' · ')}</span>
                      </p>
                    ) : null}
                    <audio aria-label="Audio player" {...mediaProps} />
                  </div>
                </div>
                {queue && queueState.entries.length > 0 ? <QueuePanel queue={queue} onNext={goNext ?? (() => {})} onPrevious={goPrevious ?? (() => {})} /> : null}
              </div>
            ) : (
              <video aria-label="Video player" playsInline crossOrigin={undefined} {...mediaProps}>
                {textTracks.map((t) => (
                  <track key={`${source.sessionId}-${t.index}`} kind="subtitles" src={t.url ?? undefined} srcLang={t.language ?? undefined} label={t.label} />
                ))}
              </video>
            )
          ) : (
            <div className="player-loading">{openError ? null : 'Opening…'}</div>
          )}
          {mutedByPolicy ? (
            <Button className="unmute" variant="primary" size="sm" icon={<Icon.Volume />} onClick={unmute}>
              Unmute
            </Button>
          ) : null}
          {notice ? (
            <div className="player-notice" role="status">
              {notice}
            </div>
          ) : null}
        </div>

        <aside className="player-info" aria-label="Playback details">
          <div className="player-info-head">
            <h2 className="player-title" title={source?.title}>
              {source?.title ?? (openError ? 'Could not open' : 'Opening…')}
            </h2>
            <Button variant="ghost" size="sm" className="player-close" aria-label="Close player" onClick={onClose} title="Close player (Esc)">
              <Icon.Close />
            </Button>
          </div>
          {message ? (
            <p role="alert" className="error-text">
              {message}
            </p>
          ) : null}
          {source ? (
            <>
              <p className="decision">
                <span className={`pill decision-${source.decision}`}>{DECISION_LABEL[source.decision]}</span>
                {source.durationSec != null ? <span className="muted small">{formatDuration(source.durationSec)}</span> : null}
              </p>
              <p className="reason">{source.reason}</p>
              {resumedAt !== null ? (
                <p className="resume-line">
                  <span>Resumed at {formatDuration(resumedAt)}</span>
                  <Button size="sm" variant="ghost" onClick={startOver}>
                    Start over
                  </Button>
                </p>
              ) : null}
              {source.decision !== 'direct' ? <TranscodeLine state={status?.state ?? 'starting'} speed={status?.speed ?? null} /> : null}

              {source.kind !== 'track' ? (
                <div className="player-tracks">
                  <label className="player-field">
                    <span>Subtitles</span>
                    <select aria-label="Subtitles" value={subtitle ?? ''} onChange={(e) => setSubtitle(e.target.value === '' ? null : Number(e.target.value))} disabled={textTracks.length === 0}>
                      <option value="">{textTracks.length ? 'Off' : 'None found'}</option>
                      {textTracks.map((t) => (
                        <option key={t.index} value={t.index}>
                          {t.label}
                        </option>
                      ))}
                    </select>
                  </label>
                  {source.audioTracks.length > 1 ? (
                    <label className="player-field">
                      <span>Audio</span>
                      <select aria-label="Audio track" value={source.audioTracks.find((t) => t.selected)?.index ?? 0} onChange={(e) => chooseAudio(Number(e.target.value), mediaRef.current?.currentTime ?? 0)}>
                        {source.audioTracks.map((t) => (
                          <option key={t.index} value={t.index}>
                            {t.label}
                          </option>
                        ))}
                      </select>
                    </label>
                  ) : null}
                  {imageTracks.map((t) => (
                    <Button key={t.index} size="sm" variant="ghost" onClick={() => burnIn(t.burned ? undefined : t.index)}>
                      {t.burned ? `Stop burning in ${t.label}` : `Burn in ${t.label}`}
                    </Button>
                  ))}
                </div>
              ) : null}

              {source.chapters.length ? (
                <nav aria-label="Chapters" className="chapters">
                  <h3 className="small muted">Chapters</h3>
                  <ol>
                    {source.chapters.map((c, i) => (
                      <li key={i}>
                        <button type="button" className="chapter" onClick={() => mediaRef.current && (mediaRef.current.currentTime = c.startSec)}>
                          <span className="muted small">{formatDuration(c.startSec)}</span> {c.title}
                        </button>
                      </li>
                    ))}
                  </ol>
                </nav>
              ) : null}

              <p className="muted small keys-hint">
                <kbd>Space</kbd> plays or pauses · <kbd>?</kbd>{' '}
                <button type="button" className="link" onClick={() => setHelp(true)}>
                  all shortcuts
                </button>{' '}
                · <kbd>Esc</kbd> closes
              </p>
            </>
          ) : null}
        </aside>
        {help ? <ShortcutsDialog onClose={() => setHelp(false)} /> : null}
      </section>
      {/* Outside the region on purpose: it is not the player, only the next track's file warming up. */}
      {preloadUrl ? <audio className="preload" preload="auto" src={preloadUrl} muted hidden aria-hidden="true" /> : null}
    </>
  );
}

const STATE_TEXT: Record<string, string> = {
  starting: 'Starting the transcoder…',
  running: 'Converting',
  throttled: 'Converted well ahead; paused until playback catches up',
  done: 'Conversion finished',
  stopped: 'Converter idle; it restarts when playback needs it',
  failed: 'The converter stopped',
};

function TranscodeLine({ state, speed }: { state: string; speed: number | null }) {
  const speedText = speed !== null && (state === 'running' || state === 'throttled' || state === 'done') ? ` at ${speed.toFixed(1)}× real time` : '';
  return (
    <p className={cx('transcode-line small', speed !== null && speed < 1 && state === 'running' && 'is-slow')} aria-label="Transcode status">
      {STATE_TEXT[state] ?? state}
      {speedText}
      {speed !== null && speed < 1 && state === 'running' ? ' — slower than real time, playback may pause to buffer' : ''}
    </p>
  );
}
