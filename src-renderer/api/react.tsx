import { createContext, useCallback, useContext, type ReactNode } from 'react';
import type { UiFeature } from '../../src-main/contract/telemetry';
import type { Client } from './client';

const ApiContext = createContext<Client | null>(null);

/** Makes the client available to every feature below. */
export function ApiProvider({ client, children }: { client: Client; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

/** The API client; throws when used outside `ApiProvider` (a wiring bug, not a runtime condition). */
export function useApi(): Client {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi() needs an <ApiProvider> above it.');
  return client;
}

const noted = new WeakMap<Client, Set<UiFeature>>();

/**
 * Notes that a feature was used, at most once per feature per app session (one fact is all the catalog
 * wants, and repeating it would only make a pattern). Fire and forget: main records it only with consent.
 */
export function useNoteFeature(): (feature: UiFeature) => void {
  const client = useApi();
  return useCallback(
    (feature: UiFeature) => {
      let seen = noted.get(client);
      if (!seen) noted.set(client, (seen = new Set()));
      if (seen.has(feature)) return;
      seen.add(feature);
      client['app.noteFeature']({ feature }).catch(() => seen.delete(feature));
    },
    [client],
  );
}
