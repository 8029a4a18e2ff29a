/**
 * The vocabulary every recorder shares: which telemetry events exist and what fields each takes. It lives
 * outside `telemetry/` so that `playback/` (and any other service handed a `record` function) can type that
 * function without importing the telemetry service.
 *
 * Provisional shape: the catalog itself moves here next, and these types are then derived from it so that a
 * misspelt event name or field is a compile error.
 */
export type RecordTelemetry = (type: string, rawFields: { [field: string]: unknown }) => void;
