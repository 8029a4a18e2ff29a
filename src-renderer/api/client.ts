import { callNames, events, Reply, type Api, type EventName, type EventPayload } from '../../src-main/contract/api';
import { createStore, type Store } from '../ui/store';
import { ApiError } from './errors';
import type { ConnectionState, Transport } from './transport';

/** The typed API plus pushed events and the connection state. */
export type Client = Api & {
  on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void;
  readonly connection: Pick<Store<ConnectionState>, 'get' | 'subscribe'>;
};

const alwaysOpen = createStore<ConnectionState>('open');

/**
 * Builds the client from the contract's call list, so a call added to the contract needs no edit here.
 * Failed replies throw `ApiError`; event payloads that do not match their schema are dropped.
 */
export function createClient(transport: Transport): Client {
  const client: Record<string, unknown> = {};
  for (const method of callNames) {
    client[method] = async (input: unknown) => {
      const raw = await transport.invoke(method, input ?? {});
      const reply = Reply.safeParse(raw);
      if (!reply.success) throw new ApiError('internal', `Glasswing sent an unreadable reply to ${method}.`);
      if (!reply.data.ok) throw new ApiError(reply.data.error.code, reply.data.error.message);
      return reply.data.value;
    };
  }
  client.on = (event: EventName, cb: (payload: unknown) => void) =>
    transport.on(event, (payload) => {
      const parsed = events[event].safeParse(payload);
      if (parsed.success) cb(parsed.data);
      else console.warn(`Dropped a malformed ${event} event.`);
    });
  client.connection = transport.connection ?? alwaysOpen;
  return Object.freeze(client) as unknown as Client;
}
