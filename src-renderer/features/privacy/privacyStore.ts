import { errorMessage, type Catalog, type Client, type TelemetrySnapshot } from '../../api';
import { coalesced, createStore, type Store } from '../../ui';

export interface PrivacyState {
  snapshot: TelemetrySnapshot | null;
  catalog: Catalog | null;
  /** Why the last fetch failed, as text; cleared by the next success. */
  error: string | null;
}

export interface PrivacyStore extends Pick<Store<PrivacyState>, 'get' | 'subscribe'> {
  /** Refetches the snapshot. Bursts coalesce: while one fetch runs, any number of requests make one more. */
  refresh(): Promise<void>;
  /** Starts live updates while at least one component holds it; returns the release function. */
  retain(): () => void;
}

const stores = new WeakMap<Client, PrivacyStore>();

/** The privacy store for this client (one per client, so tests with a fresh fake get a fresh store). */
export function privacyStoreFor(client: Client): PrivacyStore {
  let store = stores.get(client);
  if (!store) {
    store = createPrivacyStore(client);
    stores.set(client, store);
  }
  return store;
}

function createPrivacyStore(client: Client): PrivacyStore {
  const state = createStore<PrivacyState>({ snapshot: null, catalog: null, error: null });
  let holders = 0;
  let unsubscribe: (() => void) | null = null;

  const refresh = coalesced(async () => {
    try {
      const snapshot = await client['privacy.snapshot']({});
      state.set((s) => ({ ...s, snapshot, error: null }));
    } catch (error) {
      state.set((s) => ({ ...s, error: errorMessage(error) }));
    }
  });

  async function loadCatalog() {
    try {
      const catalog = await client['privacy.catalog']({});
      state.set((s) => ({ ...s, catalog }));
    } catch (error) {
      state.set((s) => ({ ...s, error: errorMessage(error) }));
    }
  }

  return {
    get: state.get,
    subscribe: state.subscribe,
    refresh,
    retain() {
      holders++;
      if (holders === 1) {
        unsubscribe = client.on('onDidChangeTelemetry', () => void refresh());
        void refresh();
        if (!state.get().catalog) void loadCatalog();
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders--;
        if (holders === 0) {
          unsubscribe?.();
          unsubscribe = null;
        }
      };
    },
  };
}
