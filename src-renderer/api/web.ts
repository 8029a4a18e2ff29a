import type { Reply } from '../../src-main/contract/api';
import { LibraryChangeScope } from '../../src-main/contract/library';
import { ApiError } from './errors';
import { createFanOut } from './fanout';
import { createPendingCalls } from './pending';
import { createReconnectingSocket, type SocketFactory, type SocketLike } from './socket';
import type { Transport } from './transport';

type SessionFetch = (url: string, init: RequestInit) => Promise<Pick<Response, 'status' | 'ok'>>;

interface WebTransportOptions {
  token: string;
  location: Pick<Location, 'protocol' | 'host'>;
  fetch?: SessionFetch;
  socket?: SocketFactory;
  /** How long a call made while disconnected waits for the socket before it fails. */
  callWaitMs?: number;
  /** Reconnect delays, in order; the last one repeats. Each gets ±25% jitter. */
  backoffMs?: readonly number[];
  /** Called once when the host refuses the token (it was restarted with a new one). */
  onExpired?: () => void;
}

interface WebTransport extends Transport {
  /** Opens the session (sets the HttpOnly cookie) and starts connecting; rejects with `unauthorized` for a bad token. */
  start(): Promise<void>;
  close(): void;
}

const EXPIRED = 'This address has expired. Open Glasswing from the address it printed.';

/**
 * The web transport: `POST /api/session` with the bearer token (the host answers with a SameSite=Strict
 * HttpOnly cookie that `<video src="/media/…">` and the WebSocket then carry), then the contract over
 * `/ws`. When the socket drops it re-opens the session and reconnects with backoff; calls made meanwhile
 * wait up to `callWaitMs`. Calls that were in flight when it dropped fail (they may or may not have run,
 * and none is retried behind the user's back). After a reconnect, listeners get one `onDidChangeLibrary`
 * and one `onDidChangeTelemetry` so every view refetches what it may have missed.
 */
export function createWebTransport(options: WebTransportOptions): WebTransport {
  const doFetch = options.fetch ?? ((url, init) => fetch(url, init));
  const openSession = () => postSession(doFetch, options.token);
  const events = createFanOut();
  const calls = createPendingCalls(options.callWaitMs ?? 15_000, (frame) => socket.send(frame));
  const socket = createReconnectingSocket({
    url: `${options.location.protocol === 'https:' ? 'wss' : 'ws'}://${options.location.host}/ws`,
    makeSocket: options.socket ?? ((url) => new WebSocket(url) as unknown as SocketLike),
    openSession,
    backoffMs: options.backoffMs ?? [250, 500, 1000, 2000, 4000, 8000],
    onOpen(reconnected) {
      calls.flush();
      if (!reconnected) return;
      // Every list may have changed meanwhile: each view refetches what it shows (version 0: unknown here).
      events.emit('onDidChangeLibrary', { scopes: [...LibraryChangeScope.options], items: [], version: 0 });
      events.emit('onDidChangeTelemetry', { reason: 'reconnected' });
    },
    onMessage(data) {
      const frame = parseFrame(data);
      if (frame?.type === 'reply') calls.settle(frame.id, frame.reply);
      else if (frame?.type === 'event') events.emit(frame.event, frame.payload);
    },
    onDrop: () => calls.failInflight(new ApiError('unavailable', 'The connection to Glasswing dropped before it answered. Try again.')),
    onExpired() {
      calls.failAll(new ApiError('unauthorized', EXPIRED));
      options.onExpired?.();
    },
  });

  return {
    connection: socket.connection,
    async start() {
      await openSession();
      socket.connect();
    },
    close() {
      socket.stop();
      calls.failAll(new ApiError('unavailable', 'Glasswing closed the connection.'));
    },
    invoke(method, input) {
      if (socket.connection.get() === 'expired') return Promise.reject(new ApiError('unauthorized', EXPIRED));
      return calls.add(method, input, socket.isOpen());
    },
    on: events.on,
  };
}

/** Opens a session with the bearer token; a refused token rejects with `unauthorized`, anything else with `unavailable`. */
async function postSession(doFetch: SessionFetch, token: string): Promise<void> {
  let status: number;
  try {
    const res = await doFetch('/api/session', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
      credentials: 'same-origin',
      cache: 'no-store',
    });
    status = res.status;
  } catch {
    throw new ApiError('unavailable', 'Glasswing is not reachable. Is it still running?');
  }
  if (status === 401 || status === 403) throw new ApiError('unauthorized', 'This address has expired.');
  if (status < 200 || status >= 300) throw new ApiError('unavailable', `Glasswing refused the session (HTTP ${status}).`);
}

type Frame = { type: 'reply'; id: number; reply: Reply } | { type: 'event'; event: string; payload: unknown };

/** A reply or an event frame from the host; null for anything else (not text, not JSON, another shape). */
export function parseFrame(data: unknown): Frame | null {
  if (typeof data !== 'string') return null;
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return null;
  }
  if (!frame || typeof frame !== 'object') return null;
  const f = frame as { type?: unknown; id?: unknown; reply?: unknown; event?: unknown; payload?: unknown };
  if (f.type === 'reply' && typeof f.id === 'number') return { type: 'reply', id: f.id, reply: f.reply as Reply };
  if (f.type === 'event' && typeof f.event === 'string') return { type: 'event', event: f.event, payload: f.payload };
  return null;
}
