import { useEffect, type RefObject } from 'react';

const HLS_MIME = /mpegurl/i;

/**
 * Attaches hls.js when the source is an HLS playlist the element cannot play natively (Chromium).
 * Loaded on demand so direct play never pays for it. Workers are off: the CSP allows no blob: scripts.
 */
export function useHls(ref: RefObject<HTMLMediaElement | null>, url: string | null, mime: string | null, onFatal: (kind: 'network' | 'decode') => void) {
  useEffect(() => {
    const el = ref.current;
    if (!el || !url || !mime || !HLS_MIME.test(mime) || el.canPlayType(mime)) return;
    let destroyed = false;
    let destroy = () => {};
    void import('hls.js').then(({ default: Hls }) => {
      if (destroyed) return;
      if (!Hls.isSupported()) {
        onFatal('decode');
        return;
      }
      const hls = new Hls({ enableWorker: false });
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
  }, [ref, url, mime]);
}
