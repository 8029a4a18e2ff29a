import type { RefObject } from 'react';
import { Icon } from '../../../../ui';
import { useVolume } from '../../hooks/useMediaState';

/** Mute and a volume slider; the element keeps its volume from track to track (it is the same element). */
export function VolumeControl({ mediaRef }: { mediaRef: RefObject<HTMLMediaElement | null> }) {
  const { volume, muted } = useVolume(mediaRef);
  const level = muted ? 0 : Math.round(volume * 100);
  return (
    <div className="np-volume">
      <button
        type="button"
        className="np-icon"
        aria-label={muted ? 'Unmute' : 'Mute'}
        title={muted ? 'Unmute (m)' : 'Mute (m)'}
        onClick={() => {
          const el = mediaRef.current;
          if (el) el.muted = !el.muted;
        }}
      >
        {muted ? <Icon.VolumeOff /> : <Icon.Volume />}
      </button>
      <input
        type="range"
        className="np-range"
        aria-label="Volume"
        min={0}
        max={100}
        step={5}
        value={level}
        aria-valuetext={`${level} %`}
        onChange={(e) => {
          const el = mediaRef.current;
          if (!el) return;
          el.volume = Number(e.target.value) / 100;
          el.muted = false;
        }}
      />
    </div>
  );
}
