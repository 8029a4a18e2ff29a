import type { Reply } from '../../src-main/contract/api';
import type { Store } from '../ui/store';

/**
 * `connecting`: first connection not open yet; calls wait. `open`: calls go through. `reconnecting`: the socket dropped; calls wait for it (bounded).
 * `expired`: the host no longer accepts our token (it was restarted): the user must reopen the printed address.
 */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'expired';

/** What a host offers the renderer: one generic call and one event subscription. */
export interface Transport {
  invoke(method: string, input: unknown): Promise<Reply>;
  on(event: string, cb: (payload: unknown) => void): () => void;
  readonly connection?: Pick<Store<ConnectionState>, 'get' | 'subscribe'>;
}
