import type { Clock, TimerHandle } from '../ports.js';
import type { TelemetryService } from '../telemetry/index.js';
import type { EventHub } from './event-hub.js';

/** Pushed telemetry notices are throttled: the screen refetches, so a burst collapses into one. */
const TELEMETRY_PUSH_MS = 200;

/** Tells every window the What-we-collect screen changed, at most once per throttle window. Returns the stop. */
export function pushTelemetryChanges(telemetry: TelemetryService, events: EventHub, clock: Clock): () => void {
  let timer: TimerHandle | null = null;
  let reason = '';
  const unsubscribe = telemetry.onDidChange((latest) => {
    reason = latest;
    timer ??= clock.setTimeout(() => {
      timer = null;
      events.emit('onDidChangeTelemetry', { reason });
    }, TELEMETRY_PUSH_MS);
  });
  return () => {
    unsubscribe();
    timer?.cancel();
  };
}
