import type { Reply } from '../../src-main/contract/api';
import { createStore } from '../ui/store';
import { ApiError } from './errors';
import type { ConnectionState, Transport } from './transport';

/** The subset of the WebSocket constructor we use, so tests can pass a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}
export type SocketFactory = (url: string) => SocketLike;

export interface WebTransportOptions {
  token: string;
  location: Pick<Location, 'protocol' | 'host'>;
  fetch?: (url: string, init: RequestInit) => Promise<Pick<Response, 'status' | 'ok'>>;
  socket?: SocketFactory;
  /** How long a call made while disconnected waits for the socket before it fails. */
  callWaitMs?: number;
  /** Reconnect delays, in order; the last one repeats. Each gets ±25% jitter. */
  backoffMs?: readonly number[];
  /** Called once when the host refuses the token (it was restarted with a new one). */
  onExpired?: () => void;
}

export interface WebTransport extends Transport {
  /** Opens the session (sets the HttpOnly cookie) and starts connecting; rejects with `unauthorized` for a bad token. */
  start(): Promise<void>;
  close(): void;
}

const OPEN = 1;

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
  const makeSocket: SocketFactory = options.socket ?? ((url) => new WebSocket(url) as unknown as SocketLike);
  const callWaitMs = options.callWaitMs ?? 15_000;
  const backoff = options.backoffMs ?? [250, 500, 1000, 2000, 4000, 8000];
  const wsUrl = `${options.location.protocol === 'https:' ? 'wss' : 'ws'}://${options.location.host}/ws`;

  type Pending = { id: number; method: string; input: unknown; resolve: (r: Reply) => void; reject: (e: ApiError) => void; timer?: ReturnType<typeof setTimeout> };
  const connection = createStore<ConnectionState>('connecting');
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const inflight = new Map<number, Pending>();
  let waiting: Pending[] = [];
  let socket: SocketLike | null = null;
  let nextId = 1;
  let attempt = 0;
  let everOpened = false;
  let stopped = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;

  function emit(event: string, payload: unknown) {
    for (const cb of [...(listeners.get(event) ?? [])]) {
      try {
        cb(payload);
      } catch (error) {
        console.error(error);
      }
    }
  }

  function send(call: Pending) {
    if (call.timer) clearTimeout(call.timer);
    inflight.set(call.id, call);
    socket?.send(JSON.stringify({ id: call.id, method: call.method, input: call.input }));
  }

  async function openSession(): Promise<void> {
    let status: number;
    try {
      const res = await doFetch('/api/session', {
        method: 'POST',
        headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/json' },
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

  function failAll(error: ApiError, includeWaiting: boolean) {
    for (const call of inflight.values()) call.reject(error);
    inflight.clear();
    if (!includeWaiting) return;
    for (const call of waiting) {
      if (call.timer) clearTimeout(call.timer);
      call.reject(error);
    }
    waiting = [];
  }

  function expire() {
    stopped = true;
    connection.set('expired');
    failAll(new ApiError('unauthorized', 'This address has expired. Open Glasswing from the address it printed.'), true);
    options.onExpired?.();
  }

  function connect() {
    if (stopped) return;
    const ws = makeSocket(wsUrl);
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      attempt = 0;
      connection.set('open');
      const queued = waiting;
      waiting = [];
      for (const call of queued) send(call);
      if (everOpened) {
        emit('onDidChangeLibrary', {});
        emit('onDidChangeTelemetry', { reason: 'reconnected' });
      }
      everOpened = true;
    };
    ws.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return;
      let frame: unknown;
      try {
        frame = JSON.parse(ev.data);
      } catch {
        return;
      }
      if (!frame || typeof frame !== 'object') return;
      const f = frame as { type?: unknown; id?: unknown; reply?: unknown; event?: unknown; payload?: unknown };
      if (f.type === 'reply' && typeof f.id === 'number') {
        const call = inflight.get(f.id);
        if (!call) return;
        inflight.delete(f.id);
        call.resolve(f.reply as Reply);
      } else if (f.type === 'event' && typeof f.event === 'string') {
        emit(f.event, f.payload);
      }
    };
    ws.onerror = () => {};
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failAll(new ApiError('unavailable', 'The connection to Glasswing dropped before it answered. Try again.'), false);
      if (stopped) return;
      connection.set('reconnecting');
      scheduleReconnect();
    };
  }

  function scheduleReconnect() {
    const base = backoff[Math.min(attempt, backoff.length - 1)] ?? 1000;
    attempt++;
    const delay = base * (0.75 + Math.random() * 0.5);
    reconnectTimer = setTimeout(() => {
      void openSession().then(connect, (error: unknown) => {
        if (error instanceof ApiError && error.code === 'unauthorized') expire();
        else if (!stopped) scheduleReconnect();
      });
    }, delay);
  }

  return {
    connection,
    async start() {
      await openSession();
      connect();
    },
    close() {
      stopped = true;
      clearTimeout(reconnectTimer);
      const ws = socket;
      socket = null;
      ws?.close();
      failAll(new ApiError('unavailable', 'Glasswing closed the connection.'), true);
    },
    invoke(method, input) {
      return new Promise<Reply>((resolve, reject) => {
        if (connection.get() === 'expired') {
          reject(new ApiError('unauthorized', 'This address has expired. Open Glasswing from the address it printed.'));
          return;
        }
        const call: Pending = { id: nextId++, method, input, resolve, reject };
        if (socket && socket.readyState === OPEN) {
          send(call);
          return;
        }
        call.timer = setTimeout(() => {
          waiting = waiting.filter((c) => c !== call);
          reject(new ApiError('unavailable', 'Glasswing is not reachable right now. Check that it is still running, then try again.'));
        }, callWaitMs);
        waiting.push(call);
      });
    },
    on(event, cb) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(cb);
      return () => {
        set.delete(cb);
      };
    },
  };
}
