import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useApi, type PlaybackSource } from '../../../api';
import { ProgressTracker } from '../model/progress';

/** How often the position is saved while playing. */
const REPORT_EVERY_MS = 5000;

/**
 * Saves the position (and the seconds actually played) every few seconds while playing, and on pause,
 * end, seek and close. Reports never disturb playback: a failed one is dropped, the next carries on.
 *
 * HLS streams here are complete VOD playlists from 0, so `currentTime` is already the position in the
 * file; no offset is added for a session that started at `startSec`.
 */
export function useProgressReports(mediaRef: RefObject<HTMLMediaElement | null>, source: PlaybackSource | null) {
  const client = useApi();
  const trackers = useRef(new Map<string, ProgressTracker>());
  const [ticking, setTicking] = useState(false);

  const trackerFor = useCallback((s: PlaybackSource) => {
    let t = trackers.current.get(s.sessionId);
    if (!t) trackers.current.set(s.sessionId, (t = new ProgressTracker(s.startSec)));
    return t;
  }, []);

  const send = useCallback(
    (sessionId: string, tracker: ProgressTracker) => client['playback.reportProgress']({ sessionId, ...tracker.take() }).catch(() => undefined),
    [client],
  );

  /** The report before `playback.stop`; only for a session that got as far as a media event. */
  const final = useCallback(
    (sessionId: string) => {
      const tracker = trackers.current.get(sessionId);
      trackers.current.delete(sessionId);
      return tracker ? send(sessionId, tracker) : undefined;
    },
    [send],
  );

  const sessionId = source?.sessionId ?? null;
  useEffect(() => {
    if (!ticking || !sessionId || !source) return;
    const id = setInterval(() => {
      const tracker = trackerFor(source);
      const el = mediaRef.current;
      if (el) tracker.time(el.currentTime);
      void send(sessionId, tracker);
    }, REPORT_EVERY_MS);
    return () => clearInterval(id);
  }, [ticking, sessionId, source, mediaRef, send, trackerFor]);

  function on(fn: (tracker: ProgressTracker, el: HTMLMediaElement) => boolean | void) {
    return (event: { currentTarget: HTMLMediaElement }) => {
      if (!source) return;
      const tracker = trackerFor(source);
      if (fn(tracker, event.currentTarget)) void send(source.sessionId, tracker);
    };
  }

  const handlers = {
    onTimeUpdate: on((t, el) => void t.time(el.currentTime)),
    onSeeking: on((t) => void t.seekStarted()),
    onSeeked: on((t, el) => {
      t.seeked(el.currentTime);
      return true;
    }),
    onPause: on((t, el) => {
      setTicking(false);
      t.time(el.currentTime);
      return true;
    }),
    onEnded: on((t, el) => {
      setTicking(false);
      t.time(el.currentTime);
      return true;
    }),
    onPlaying: on(() => void setTicking(true)),
  };
  return { handlers, final };
}
