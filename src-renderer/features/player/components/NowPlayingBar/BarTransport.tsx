import type { RefObject } from 'react';
import { Icon } from '../../../../ui';
import { usePlaying } from '../../hooks/useMediaState';

interface BarTransportProps {
  mediaRef: RefObject<HTMLMediaElement | null>;
  onPrevious: (() => void) | undefined;
  onNext: (() => void) | undefined;
}

/** Previous, play or pause, next: the bar's middle. The play button says what it will do. */
export function BarTransport({ mediaRef, onPrevious, onNext }: BarTransportProps) {
  const playing = usePlaying(mediaRef);
  function toggle() {
    const el = mediaRef.current;
    if (!el) return;
    if (el.paused) void el.play?.()?.catch(() => undefined);
    else el.pause();
  }
  return (
    <div className="np-transport" role="group" aria-label="Playback">
      <button type="button" className="np-icon" aria-label="Previous track" title="Previous (p)" onClick={onPrevious}>
        <Icon.Previous />
      </button>
      <button type="button" className="np-icon np-play" aria-label={playing ? 'Pause' : 'Play'} title={playing ? 'Pause (Space)' : 'Play (Space)'} onClick={toggle}>
        {playing ? <Icon.Pause /> : <Icon.Play />}
      </button>
      <button type="button" className="np-icon" aria-label="Next track" title="Next (n)" onClick={onNext}>
        <Icon.Next />
      </button>
    </div>
  );
}
