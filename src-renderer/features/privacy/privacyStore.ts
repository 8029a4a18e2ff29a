import { errorMessage, type Catalog, type Client, type TelemetrySnapshot } from '../../api';
import { coalescedLoad, createStore, perKey, refCounted, type Store } from '../../ui';

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

/** The privacy store for this client. */
export const privacyStoreFor: (client: Client) => PrivacyStore = perKey(createPrivacyStore);

function createPrivacyStore(client: Client): PrivacyStore {
  const state = createStore<PrivacyState>({ snapshot: null, catalog: null, error: null });

  const refresh = coalescedLoad(state, () => client['privacy.snapshot']({}), {
    loaded: (snapshot) => ({ snapshot, error: null }),
    failed: (error) => ({ error: errorMessage(error) }),
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
    retain: refCounted(() => {
      const off = client.on('onDidChangeTelemetry', () => void refresh());
      void refresh();
      if (!state.get().catalog) void loadCatalog();
      return off;
    }),
  };
}
