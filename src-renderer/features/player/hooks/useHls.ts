import { useEffect, type RefObject } from 'react';
import { isHls } from '../model/hls';

/**
 * Attaches hls.js for an HLS source (remux and transcode sessions), even where the browser has native
 * HLS: hls.js reads our fixed VOD playlist the same everywhere and reports errors we can explain. Loaded on
 * demand so direct play never pays for it. Workers are off: the CSP allows no blob: scripts.
 */
export function useHls(ref: RefObject<HTMLMediaElement | null>, url: string | null, mime: string | null, onFatal: (kind: 'network' | 'decode') => void, startSec = 0) {
  useEffect(() => {
    const el = ref.current;
    if (!el || !url || !mime || !isHls(mime)) return;
    let destroyed = false;
    let destroy = () => {};
    void import('hls.js').then(({ default: Hls }) => {
      if (destroyed) return;
      if (!Hls.isSupported()) {
        if (el.canPlayType(mime)) el.src = url;
        else onFatal('decode');
        return;
      }
      // A transcoder may take a few seconds for a segment after a seek: be patient before calling it failed.
      const hls = new Hls({
        enableWorker: false,
        // A reopened or resumed session's transcoder starts at `startSec`: ask for that segment first, not for
        // the playlist's first one (which would restart it at 0 before the seek moves it back).
        startPosition: startSec > 0 ? startSec : -1,
        maxBufferLength: 30,
        fragLoadPolicy: {
          default: {
            maxTimeToFirstByteMs: 40_000,
            maxLoadTimeMs: 60_000,
            timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 },
            errorRetry: { maxNumRetry: 2, retryDelayMs: 500, maxRetryDelayMs: 2000 },
          },
        },
      });
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (data.fatal) onFatal(data.type === Hls.ErrorTypes.NETWORK_ERROR ? 'network' : 'decode');
      });
      hls.loadSource(url);
      hls.attachMedia(el);
      destroy = () => hls.destroy();
    });
    return () => {
      destroyed = true;
      destroy();
    };
    // onFatal is intentionally not a dependency: a new callback must not restart the stream.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ref, url, mime, startSec]);
}
