/**
 * The telemetry pipeline (DESIGN.md §4): catalog → generalize → consent → queue → batch → upload → ledger.
 * The composition root opens it with openTelemetry(); the CLI prints the catalog with catalogDump().
 */
export { openTelemetry, LINKABILITY, NO_ENDPOINT } from './service.js';
export type { TelemetryService, TelemetryOptions, PreviewEvent } from './service.js';
export { catalogDump, checkCatalog, checkMediaNumbers, uniqueness, UNIQUENESS_CEILING } from './catalog-model.js';
export { CATALOG_VERSION } from './catalog.js';
export { defaultPolicyPath } from './policy.js';
