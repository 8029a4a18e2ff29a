import type { Fetch } from './ports.js';

/** Node's own fetch in the shape of the Fetch port. Only the telemetry network module is handed it. */
export const nodeFetch: Fetch = async (url, init) => {
  const res = await fetch(url, { method: init.method, headers: init.headers, body: init.body ?? null, signal: init.signal ?? null, redirect: 'error' });
  return { status: res.status, headers: res.headers, text: () => res.text() };
};
