import { createStore, type Store } from '../ui/store';
import { ApiError } from './errors';
import type { ConnectionState } from './transport';

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

const OPEN = 1;

interface ReconnectingSocketOptions {
  url: string;
  makeSocket: SocketFactory;
  /** Re-opens the session before each reconnect; rejects with `unauthorized` once the host refuses the token. */
  openSession: () => Promise<void>;
  /** Reconnect delays, in order; the last one repeats. */
  backoffMs: readonly number[];
  /** The socket opened; `reconnected` when it had been open before. */
  onOpen(reconnected: boolean): void;
  onMessage(data: unknown): void;
  /** The open socket dropped (or was closed); a reconnect follows unless stopped. */
  onDrop(): void;
  /** The host refused the token while reconnecting: the socket has given up for good. */
  onExpired(): void;
}

/** One WebSocket at a time that comes back after a drop, with its state as a store. */
export interface ReconnectingSocket {
  readonly connection: Pick<Store<ConnectionState>, 'get' | 'subscribe'>;
  /** Opens the first socket (the session must be open already). */
  connect(): void;
  isOpen(): boolean;
  send(frame: string): void;
  /** Closes the socket and never reconnects. */
  stop(): void;
}

/**
 * The reconnecting socket: when the socket drops it waits out the backoff, re-opens the session and
 * connects again, until it is stopped or the host refuses the token (then the connection is `expired`).
 * The open and close of a socket that has been replaced or stopped are ignored.
 */
export function createReconnectingSocket(options: ReconnectingSocketOptions): ReconnectingSocket {
  const connection = createStore<ConnectionState>('connecting');
  let socket: SocketLike | null = null;
  let attempt = 0;
  let everOpened = false;
  let stopped = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;

  function connect() {
    if (stopped) return;
    const ws = options.makeSocket(options.url);
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      attempt = 0;
      connection.set('open');
      options.onOpen(everOpened);
      everOpened = true;
    };
    ws.onmessage = (ev) => options.onMessage(ev.data);
    ws.onerror = () => {};
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      options.onDrop();
      if (stopped) return;
      connection.set('reconnecting');
      scheduleReconnect();
    };
  }

  function scheduleReconnect() {
    const delay = backoffDelay(options.backoffMs, attempt++);
    reconnectTimer = setTimeout(() => {
      void options.openSession().then(connect, (error: unknown) => {
        if (error instanceof ApiError && error.code === 'unauthorized') expire();
        else if (!stopped) scheduleReconnect();
      });
    }, delay);
  }

  function expire() {
    stopped = true;
    connection.set('expired');
    options.onExpired();
  }

  return {
    connection,
    connect,
    isOpen: () => socket !== null && socket.readyState === OPEN,
    send: (frame) => socket?.send(frame),
    stop() {
      stopped = true;
      clearTimeout(reconnectTimer);
      const ws = socket;
      socket = null;
      ws?.close();
    },
  };
}

/** The wait before reconnect `attempt` (from 0): its entry in `schedule`, the last one repeating, with ±25% jitter. */
export function backoffDelay(schedule: readonly number[], attempt: number, random: () => number = Math.random): number {
  const base = schedule[Math.min(attempt, schedule.length - 1)] ?? 1000;
  return base * (0.75 + random() * 0.5);
}
