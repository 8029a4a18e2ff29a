import { AppError, calls, isCallName, type Api, type EventName, type EventPayload, type Reply } from './contract/index.js';

/**
 * The one entry point both transports use: parse the input against the contract, run the handler, and
 * turn every outcome into a reply envelope. Nothing thrown crosses the wire except an AppError's message.
 */
export async function dispatch(api: Api, method: unknown, rawInput: unknown): Promise<Reply> {
  if (!isCallName(method)) return { ok: false, error: { code: 'not-found', message: 'Unknown method.' } };
  const parsed = calls[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, error: { code: 'bad-request', message: `Invalid input for ${method}${where}: ${issue?.message ?? 'invalid'}` } };
  }
  try {
    const handler = api[method] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
    console.error(`[glasswing] ${method} failed:`, err);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong in Glasswing. The details are in its log.' } };
  }
}

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

/** Pushed events, fanned out to every connected window or socket. */
export class EventHub {
  private listeners = new Set<(event: EventName, payload: unknown) => void>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of [...this.listeners]) {
      try {
        l(event, payload);
      } catch (err) {
        console.error('[glasswing] event listener failed:', err);
      }
    }
  }

  /** Subscribes to every event; returns the unsubscribe. */
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    return this.subscribe((e, p) => {
      if (e === event) listener(p as EventPayload<E>);
    });
  }
}
