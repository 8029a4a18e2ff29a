import { createClient, type Client } from './client';
import { createElectronTransport } from './electron';
import { ApiError, errorMessage } from './errors';
import { forgetToken, sessionStorageOrNull, takeToken } from './token';
import { createWebTransport } from './web';

export type BootResult =
  | { kind: 'ready'; client: Client }
  /** Opened without `#token=…` and none kept for this tab. */
  | { kind: 'no-token' }
  /** The host refused the token: it was restarted, so the printed address changed. */
  | { kind: 'expired' }
  | { kind: 'unreachable'; message: string };

/** Picks the transport for this host and connects: the preload bridge in Electron, else the web host. */
export async function boot(win: Window = window): Promise<BootResult> {
  if (win.glasswing) return { kind: 'ready', client: createClient(createElectronTransport(win.glasswing)) };

  const storage = sessionStorageOrNull(win);
  const token = takeToken({ location: win.location, history: win.history, storage });
  if (!token) return { kind: 'no-token' };

  const transport = createWebTransport({ token, location: win.location, onExpired: () => forgetToken(storage) });
  try {
    await transport.start();
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthorized') {
      forgetToken(storage);
      return { kind: 'expired' };
    }
    return { kind: 'unreachable', message: errorMessage(error) };
  }
  return { kind: 'ready', client: createClient(transport) };
}
