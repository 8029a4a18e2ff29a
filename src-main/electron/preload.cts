/**
 * The preload: the renderer's only bridge to main. Sandboxed preloads may not load our modules, so the list
 * of allowed names comes from main once, synchronously, derived from the contract; names outside it are
 * refused here before anything is sent.
 */
// A sandboxed preload is CommonJS and may load only 'electron' itself, so this one require is the design.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require('electron');

const { contextBridge, ipcRenderer } = electron;
const names = ipcRenderer.sendSync('glasswing:contract') as { calls: string[]; events: string[] };
const calls = new Set(names.calls);
const events = new Set(names.events);

contextBridge.exposeInMainWorld('glasswing', {
  invoke(method: string, input: unknown): Promise<unknown> {
    if (!calls.has(method)) return Promise.resolve({ ok: false, error: { code: 'not-found', message: 'Unknown method.' } });
    return ipcRenderer.invoke('glasswing:invoke', method, input);
  },
  on(event: string, cb: (payload: unknown) => void): () => void {
    if (!events.has(event)) throw new Error(`Unknown event ${event}`);
    const listener = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) cb(payload);
    };
    ipcRenderer.on('glasswing:event', listener);
    return () => void ipcRenderer.removeListener('glasswing:event', listener);
  },
});
