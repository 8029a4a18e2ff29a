import { errorMessage, type BatchPreview, type Catalog, type Client, type TelemetryChange, type TelemetryPart, type TelemetryParts, type TelemetrySnapshot } from '../../api';
import { createStore, perKey, refCounted, type Store } from '../../ui';

/** The screen's parts but the encoded next batch, as last fetched; `nextBatchIds` marks its events in the queue. */
export type PrivacyView = Omit<TelemetrySnapshot, 'nextBatch'> & { nextBatchIds: string[] };

export interface PrivacyState {
  /** Null until the first fetch answered. */
  snapshot: PrivacyView | null;
  /** The next batch, encoded: fetched only while a Next batch tab shows it; undefined until then. */
  nextBatch: BatchPreview | null | undefined;
  catalog: Catalog | null;
  /** Why the last fetch failed, as text; cleared by the next success. */
  error: string | null;
}

export interface PrivacyStore extends Pick<Store<PrivacyState>, 'get' | 'subscribe'> {
  /**
   * Refetches `parts` (default: every part shown). Bursts coalesce: while one fetch runs, any number of
   * requests make one more, for the parts they asked for together.
   */
  refresh(parts?: readonly TelemetryPart[]): Promise<void>;
  /** Starts live updates while at least one component holds it; returns the release function. */
  retain(): () => void;
  /** Fetches (and keeps fresh) the encoded next batch while at least one component holds it. */
  showNextBatch(): () => void;
}

/** Every part but the next batch, whose encoding is fetched only while it is shown. */
const VIEW_PARTS: readonly TelemetryPart[] = ['consent', 'preview', 'queue', 'ledger', 'network'];

/** The privacy store for this client. */
export const privacyStoreFor: (client: Client) => PrivacyStore = perKey(createPrivacyStore);

/** A fetched answer laid over what the store holds: only the parts it carries change. */
function merged(s: PrivacyState, reply: TelemetryParts, batchShown: boolean): PrivacyState {
  const { nextBatch, ...parts } = reply;
  const defined = Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined)) as Partial<PrivacyView>;
  // The first answer always carries every view part (see `request`).
  const snapshot = s.snapshot ? { ...s.snapshot, ...defined } : (defined as PrivacyView);
  return { ...s, snapshot, nextBatch: batchShown && nextBatch !== undefined ? nextBatch : s.nextBatch, error: null };
}

function createPrivacyStore(client: Client): PrivacyStore {
  const state = createStore<PrivacyState>({ snapshot: null, nextBatch: undefined, catalog: null, error: null });
  const parts = partFetcher(client, state);

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
    refresh: (wanted) => parts.request(wanted ?? parts.shown()),
    retain: refCounted(() => {
      const off = client.on('onDidChangeTelemetry', (change) => void parts.request(parts.changedBy(change)));
      void parts.request(parts.shown());
      if (!state.get().catalog) void loadCatalog();
      return off;
    }),
    showNextBatch: refCounted(() => {
      parts.setBatchShown(true);
      void parts.request(['nextBatch']);
      return () => {
        parts.setBatchShown(false);
        // Never shown again stale: the next show fetches it anew.
        state.set((s) => ({ ...s, nextBatch: undefined }));
      };
    }),
  };
}

/**
 * Fetches parts of the screen through `privacy.snapshot`, one fetch at a time: parts asked for while one
 * runs are fetched together by the next. Only parts shown are ever fetched (the next batch while its tab
 * is open), and a push is turned into the parts it names, or every part shown when it names none or a
 * push was missed (its version skipped one).
 */
function partFetcher(client: Client, state: Store<PrivacyState>) {
  const dirty = new Set<TelemetryPart>();
  let running: Promise<void> | null = null;
  let batchShown = false;
  let lastVersion: number | null = null;

  const shown = (): TelemetryPart[] => (batchShown ? [...VIEW_PARTS, 'nextBatch'] : [...VIEW_PARTS]);

  async function drain(): Promise<void> {
    // Never done within the call: `running` is set before the `finally` below clears it. (Requests made
    // in the same turn meanwhile join this fetch.)
    await Promise.resolve();
    try {
      while (dirty.size > 0) {
        const parts = shown().filter((p) => dirty.has(p));
        dirty.clear();
        if (parts.length === 0) continue;
        try {
          const reply = await client['privacy.snapshot']({ parts });
          state.set((s) => merged(s, reply, batchShown));
        } catch (error) {
          state.set((s) => ({ ...s, error: errorMessage(error) }));
        }
      }
    } finally {
      running = null;
    }
  }

  return {
    shown,
    setBatchShown: (on: boolean) => void (batchShown = on),
    request(parts: readonly TelemetryPart[]): Promise<void> {
      // Until a first answer, nothing is shown at all: every part is needed.
      for (const part of state.get().snapshot ? parts : [...VIEW_PARTS, ...parts]) dirty.add(part);
      running ??= drain();
      return running;
    },
    changedBy(change: TelemetryChange): readonly TelemetryPart[] {
      const missed = change.version !== undefined && lastVersion !== null && change.version !== lastVersion + 1;
      if (change.version !== undefined) lastVersion = change.version;
      return change.parts === undefined || missed ? shown() : change.parts;
    },
  };
}
