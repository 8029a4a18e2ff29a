import { createContext, useContext, type ReactNode } from 'react';
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
