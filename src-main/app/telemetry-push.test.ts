import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../contract/index.js';
import { ManualClock } from '../ports.js';
import type { ChangeReason, TelemetryService } from '../telemetry/index.js';
import { EventHub } from './event-hub.js';
import { pushTelemetryChanges } from './telemetry-push.js';

/** The part of the telemetry service the push listens to, changed by hand. */
function changingTelemetry(): { telemetry: TelemetryService; change: (reason: ChangeReason) => void } {
  const listeners = new Set<(reason: ChangeReason) => void>();
  const onDidChange = (listener: (reason: ChangeReason) => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  return { telemetry: { onDidChange } as Partial<TelemetryService> as TelemetryService, change: (reason) => listeners.forEach((l) => l(reason)) };
}

function pushed(): { clock: ManualClock; change: (reason: ChangeReason) => void; seen: EventPayload<'onDidChangeTelemetry'>[]; stop: () => void } {
  const clock = new ManualClock();
  const events = new EventHub();
  const seen: EventPayload<'onDidChangeTelemetry'>[] = [];
  events.subscribe((event, payload) => event === 'onDidChangeTelemetry' && seen.push(payload as EventPayload<'onDidChangeTelemetry'>));
  const { telemetry, change } = changingTelemetry();
  return { clock, change, seen, stop: pushTelemetryChanges(telemetry, events, clock) };
}

describe('pushing telemetry changes', () => {
  it('says which parts of the screen changed, once per burst, with a growing version', () => {
    const { clock, change, seen } = pushed();
    change('queue');
    change('queue');
    change('ledger');
    expect(seen).toEqual([]);
    clock.advance(200);
    expect(seen).toEqual([{ parts: ['queue', 'nextBatch', 'ledger'], version: 1 }]);
    change('consent');
    clock.advance(200);
    expect(seen[1]).toEqual({ parts: ['consent', 'network'], version: 2 });
  });

  it('names only what changed: a new preview touches neither the queue nor the next batch', () => {
    const { clock, change, seen } = pushed();
    change('preview');
    clock.advance(200);
    expect(seen).toEqual([{ parts: ['preview'], version: 1 }]);
  });

  it('pushes nothing after it is stopped', () => {
    const { clock, change, seen, stop } = pushed();
    change('queue');
    stop();
    change('queue');
    clock.advance(1000);
    expect(seen).toEqual([]);
  });
});
