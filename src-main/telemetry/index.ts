/**
 * The telemetry pipeline (DESIGN.md §4): catalog → generalize → consent → queue → batch → upload → ledger.
 * The composition root opens it with openTelemetry(); the CLI prints the catalog with catalogDump().
 * The catalog itself, and the type of record(), live in ../event-catalog.
 */
export { openTelemetry } from './service.js';
export type { TelemetryService, TelemetryOptions } from './service.js';
export { catalogDump } from './catalog-model.js';
export { defaultPolicyPath } from './policy.js';
export { partsChangedBy, type ChangeReason } from './changes.js';
