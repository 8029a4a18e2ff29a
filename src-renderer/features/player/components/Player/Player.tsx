import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { useApi, type PlayDecision } from '../../../../api';
import { Button, Icon, cx, formatDuration } from '../../../../ui';
import { useHls } from '../../hooks/useHls';
import { usePlaybackSource } from '../../hooks/usePlaybackSource';
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

export interface PlayerProps {
  itemId: string;
  /** Changes when the same item is chosen again, to start a fresh session. */
  nonce?: number;
  onClose: () => void;
  /** A small corner player while another screen is shown; the same element keeps playing. */
  compact?: boolean;
}

/** Plays one item: opens a session, reports the first `playing` and any failure, shows why it plays as it does. */
export function Player({ itemId, nonce = 0, onClose, compact = false }: PlayerProps) {
  const client = useApi();
  const { source, error: openError } = usePlaybackSource(itemId, nonce);
  const mediaRef = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const reported = useRef<{ started: string | null; failed: string | null }>({ started: null, failed: null });
  const [failure, setFailure] = useState<FailKind | null>(null);
  const [mutedByPolicy, setMutedByPolicy] = useState(false);

  const isHls = source ? /mpegurl/i.test(source.mime) : false;

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

  // Escape closes the player unless focus is in a text field of the page.
  useEffect(() => {
    if (compact) return;
    function onKey(event: globalThis.KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, select, textarea, [role="dialog"]')) return;
      onClose();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose, compact]);

  function onPlaying() {
    if (!source || reported.current.started === source.sessionId) return;
    reported.current.started = source.sessionId;
    client['playback.reportStarted']({ sessionId: source.sessionId }).catch(() => undefined);
  }

  function onMediaError(event: SyntheticEvent<HTMLMediaElement>) {
    const code = event.currentTarget.error?.code ?? 0;
    fail(MEDIA_ERROR[code] ?? 'unknown');
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== ' ') return;
    const target = event.target as HTMLElement;
    if (target.closest('button, input, select, textarea, a')) return;
    const el = mediaRef.current;
    if (!el) return;
    event.preventDefault();
    if (el.paused) void el.play?.()?.catch(() => undefined);
    else el.pause();
  }

  function unmute() {
    const el = mediaRef.current;
    if (el) el.muted = false;
    setMutedByPolicy(false);
  }

  const message = openError ?? (failure ? FAIL_MESSAGE[failure] : null);
  const mediaProps = {
    ref: mediaRef,
    controls: true,
    src: source && !isHls ? source.url : undefined,
    onPlaying,
    onError: onMediaError,
    onVolumeChange: (e: SyntheticEvent<HTMLMediaElement>) => !e.currentTarget.muted && setMutedByPolicy(false),
    preload: 'auto' as const,
  };

  return (
    <section className={cx('player', compact && 'is-compact', source?.kind === 'track' && 'is-audio')} aria-label="Player" onKeyDown={onKeyDown} tabIndex={-1}>
      <div className="player-stage">
        {source ? (
          source.kind === 'track' ? (
            <div className="audio-stage">
              <span className="audio-art" aria-hidden="true">
                <Icon.Music />
              </span>
              <audio aria-label="Audio player" {...mediaProps} />
            </div>
          ) : (
            <video aria-label="Video player" playsInline {...mediaProps} />
          )
        ) : (
          <div className="player-loading">{openError ? null : 'Opening…'}</div>
        )}
        {mutedByPolicy ? (
          <Button className="unmute" variant="primary" size="sm" icon={<Icon.Volume />} onClick={unmute}>
            Unmute
          </Button>
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
            <p className="muted small">
              <kbd>Space</kbd> plays or pauses · <kbd>Esc</kbd> closes
            </p>
          </>
        ) : null}
      </aside>
    </section>
  );
}
