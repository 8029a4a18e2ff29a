import type { RefObject } from 'react';
import { formatDuration } from '../../../../ui';
import { useMediaTime } from '../../hooks/useMediaState';

/**
 * Where the track is, as a slider with the time on either side: arrows move by 5 s (a slider's own keys),
 * and screen readers hear "1:02 of 3:35". Until the element knows the length, the library's is used.
 */
export function SeekBar({ mediaRef, fallbackDuration }: { mediaRef: RefObject<HTMLMediaElement | null>; fallbackDuration: number | null }) {
  const { currentTime, duration } = useMediaTime(mediaRef);
  const length = Number.isFinite(duration) && duration > 0 ? duration : (fallbackDuration ?? 0);
  const at = Math.min(currentTime, length || currentTime);
  return (
    <div className="np-seek">
      <span className="np-time" aria-hidden="true">
        {formatDuration(at)}
      </span>
      <input
        type="range"
        className="np-range"
        aria-label="Seek"
        min={0}
        max={Math.max(1, Math.round(length))}
        step={5}
        value={Math.round(at)}
        aria-valuetext={length ? `${formatDuration(at)} of ${formatDuration(length)}` : formatDuration(at)}
        disabled={!length}
        onChange={(e) => {
          const el = mediaRef.current;
          if (el) el.currentTime = Number(e.target.value);
        }}
      />
      <span className="np-time" aria-hidden="true">
        {formatDuration(length)}
      </span>
    </div>
  );
}
