import type { Reply } from '../../src-main/contract/api';
import type { Transport } from './transport';

/** What the preload exposes with `contextBridge.exposeInMainWorld('glasswing', …)`. */
interface GlasswingBridge {
  invoke(method: string, input: unknown): Promise<Reply>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    glasswing?: GlasswingBridge;
  }
}

/** The Electron transport: a thin pass-through to the preload bridge (IPC errors become `unavailable`). */
export function createElectronTransport(bridge: GlasswingBridge): Transport {
  return {
    async invoke(method, input) {
      try {
        return await bridge.invoke(method, input);
      } catch {
        return { ok: false, error: { code: 'internal', message: 'Glasswing did not answer. Try again.' } };
      }
    },
    on: (event, cb) => bridge.on(event, cb),
  };
}
