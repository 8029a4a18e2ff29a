import { TelemetryPart } from '../contract/index.js';
import type { TelemetryService } from '../telemetry/index.js';
import type { CallsOf } from './calls.js';
import type { Jobs } from './jobs.js';

export function privacyCalls(telemetry: TelemetryService, jobs: Jobs): CallsOf<'privacy'> {
  return {
    'privacy.snapshot': async ({ parts }) => telemetry.parts(parts ?? TelemetryPart.options),
    'privacy.catalog': async () => telemetry.catalog(),
    'privacy.markSeen': async () => (telemetry.markSeen(), {}),
    'privacy.setMaster': async ({ on }) => telemetry.setMaster(on),
    'privacy.setCategory': async ({ category, on }) => telemetry.setCategory(category, on),
    'privacy.deleteEvents': async ({ ids }) => telemetry.deleteEvents(ids),
    'privacy.setHold': async ({ on }) => (telemetry.setHold(on), {}),
    'privacy.setNetworkPurpose': async ({ purpose, allowed }) => (telemetry.setNetworkPurpose(purpose, allowed), {}),
    'privacy.sendNow': async () => jobs.track(telemetry.sendNow()),
    'privacy.verifyLedger': async () => telemetry.verifyLedger(),
    'privacy.exportLedger': async () => ({ json: telemetry.exportLedger() }),
  };
}
