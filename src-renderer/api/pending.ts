import type { Reply } from '../../src-main/contract/api';
import { ApiError } from './errors';

interface PendingCall {
  id: number;
  method: string;
  input: unknown;
  resolve: (reply: Reply) => void;
  reject: (error: ApiError) => void;
  /** While the call waits for the socket: the timer that gives up on it. */
  timer?: ReturnType<typeof setTimeout>;
}

/** The calls the web transport has not had answered, as seen by the transport. */
export interface PendingCalls {
  /** Sends the call at once when `open`, else keeps it until `flush` (failing it after the wait). */
  add(method: string, input: unknown, open: boolean): Promise<Reply>;
  /** Sends every waiting call, in the order they were made (the socket has just opened). */
  flush(): void;
  /** Resolves the call a reply frame answers; a reply nobody waits for is ignored. */
  settle(id: number, reply: Reply): void;
  /** Fails the calls in flight: they may or may not have run, and none is retried behind the user's back. */
  failInflight(error: ApiError): void;
  /** Fails every call, in flight and waiting. */
  failAll(error: ApiError): void;
}

/**
 * The pending-call table: calls in flight on the socket, keyed by the id their reply carries, and calls
 * made while it was down, each waiting at most `waitMs` for it. `send` writes one frame to the socket.
 */
export function createPendingCalls(waitMs: number, send: (frame: string) => void): PendingCalls {
  const inflight = new Map<number, PendingCall>();
  let waiting: PendingCall[] = [];
  let nextId = 1;

  function dispatch(call: PendingCall) {
    if (call.timer) clearTimeout(call.timer);
    inflight.set(call.id, call);
    send(JSON.stringify({ id: call.id, method: call.method, input: call.input }));
  }

  function wait(call: PendingCall) {
    call.timer = setTimeout(() => {
      waiting = waiting.filter((c) => c !== call);
      call.reject(new ApiError('unavailable', 'Glasswing is not reachable right now. Check that it is still running, then try again.'));
    }, waitMs);
    waiting.push(call);
  }

  function failInflight(error: ApiError) {
    for (const call of inflight.values()) call.reject(error);
    inflight.clear();
  }

  return {
    add(method, input, open) {
      return new Promise<Reply>((resolve, reject) => {
        const call: PendingCall = { id: nextId++, method, input, resolve, reject };
        if (open) dispatch(call);
        else wait(call);
      });
    },
    flush() {
      const queued = waiting;
      waiting = [];
      for (const call of queued) dispatch(call);
    },
    settle(id, reply) {
      const call = inflight.get(id);
      if (!call) return;
      inflight.delete(id);
      call.resolve(reply);
    },
    failInflight,
    failAll(error) {
      failInflight(error);
      for (const call of waiting) {
        if (call.timer) clearTimeout(call.timer);
        call.reject(error);
      }
      waiting = [];
    },
  };
}
