/**
 * The vocabulary every recorder shares: which telemetry events exist and what fields each takes. It lives
 * outside `telemetry/` so that `playback/` (and any other service handed a `record` function) can type that
 * function without importing the telemetry service. It imports only `contract` and `zod`.
 */
import type { EVENTS } from './catalog.js';
import type { RawFieldValue } from './spec.js';

export { CATALOG_VERSION, CATEGORY_SINCE, CHANGELOG, EVENTS } from './catalog.js';
export type { BucketField, EventSpec, FieldSpec, GeneralizerName, NormalizerName } from './spec.js';

type DeclaredEvent = (typeof EVENTS)[number];

/** Every event name the catalog declares. */
export type TelemetryEventName = DeclaredEvent['name'];

/** The raw fields a record() call of event `N` takes: every declared field, each as its generalizer accepts it. */
export type TelemetryFields<N extends TelemetryEventName> = N extends TelemetryEventName
  ? { [F in Extract<DeclaredEvent, { name: N }>['fields'][number] as F['name']]: RawFieldValue<F> }
  : never;

/**
 * Records one event: generalized at once, checked against consent, queued. A name or field the catalog does
 * not declare is a compile error; the pipeline still validates at run time, for input that is not typed.
 */
export type RecordTelemetry = <N extends TelemetryEventName>(type: N, rawFields: TelemetryFields<N>) => void;
