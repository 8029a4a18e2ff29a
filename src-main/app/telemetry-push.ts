import { TelemetryPart } from '../contract/index.js';
import type { Clock, TimerHandle } from '../ports.js';
import { partsChangedBy, type TelemetryService } from '../telemetry/index.js';
import type { EventHub } from './event-hub.js';

/** Pushed telemetry notices are throttled: a burst of changes collapses into one notice. */
const TELEMETRY_PUSH_MS = 200;

/**
 * Tells every window which parts of the What-we-collect screen changed, at most once per throttle window:
 * the parts of every change in the window, and a version that grows with each notice. Returns the stop.
 */
export function pushTelemetryChanges(telemetry: TelemetryService, events: EventHub, clock: Clock): () => void {
  let timer: TimerHandle | null = null;
  let version = 0;
  const changed = new Set<TelemetryPart>();
  const unsubscribe = telemetry.onDidChange((reason) => {
    for (const part of partsChangedBy(reason)) changed.add(part);
    timer ??= clock.setTimeout(() => {
      timer = null;
      const parts = TelemetryPart.options.filter((part) => changed.has(part));
      changed.clear();
      events.emit('onDidChangeTelemetry', { parts, version: ++version });
    }, TELEMETRY_PUSH_MS);
  });
  return () => {
    unsubscribe();
    timer?.cancel();
  };
}
