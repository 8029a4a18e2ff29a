import { useEffect, useRef, type RefObject } from 'react';

interface MediaSessionInfo {
  title: string;
  artist: string | null;
  album: string | null;
}

interface MediaSessionActions {
  onNext?: () => void;
  onPrevious?: () => void;
}

const ACTIONS = ['play', 'pause', 'previoustrack', 'nexttrack', 'seekto'] as const;

/**
 * Tells the OS what is playing (title, artist, album) and answers its media keys and lock-screen
 * controls, where the browser has a Media Session.
 */
export function useMediaSession(mediaRef: RefObject<HTMLMediaElement | null>, info: MediaSessionInfo | null, actions: MediaSessionActions) {
  const actionsRef = useRef(actions);
  useEffect(() => {
    actionsRef.current = actions;
  });
  const { title, artist, album } = info ?? { title: null, artist: null, album: null };
  useEffect(() => {
    if (title === null || typeof navigator === 'undefined' || !('mediaSession' in navigator)) return;
    const session = navigator.mediaSession;
    if (typeof MediaMetadata !== 'undefined') session.metadata = new MediaMetadata({ title, artist: artist ?? '', album: album ?? '' });
    const handlers: Record<(typeof ACTIONS)[number], MediaSessionActionHandler> = {
      play: () => void mediaRef.current?.play()?.catch(() => undefined),
      pause: () => mediaRef.current?.pause(),
      previoustrack: () => actionsRef.current.onPrevious?.(),
      nexttrack: () => actionsRef.current.onNext?.(),
      seekto: (details) => {
        const el = mediaRef.current;
        if (el && details.seekTime != null && Number.isFinite(details.seekTime)) el.currentTime = details.seekTime;
      },
    };
    for (const action of ACTIONS) {
      try {
        session.setActionHandler(action, handlers[action]);
      } catch {
        // An action this browser does not know; the others still work.
      }
    }
    return () => {
      for (const action of ACTIONS) {
        try {
          session.setActionHandler(action, null);
        } catch {
          // As above.
        }
      }
      session.metadata = null;
    };
  }, [title, artist, album, mediaRef]);
}
