import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { callNames, eventNames } from '../contract/index.js';
import { nodeFetch } from '../node-fetch.js';
import { defaultDataDir, rendererDir } from '../paths.js';
import { createServices, type Services } from '../services.js';
import { defaultPolicyPath } from '../telemetry/index.js';
import { appVersion } from '../version.js';
import { handleProtocols, registerSchemes } from './protocols.js';
import { APP_ORIGIN, isTrustedSender, lockDown } from './security.js';
import { openElectronSettings } from './settings-store.js';

/**
 * The Electron host: lifecycle, the window, protocols and IPC wiring. Kept thin on purpose: everything it
 * calls is the same services.ts the web host runs, and that is what the tests exercise.
 */
const QUIT_TIMEOUT_MS = 3000;
const telemetryOff = process.argv.includes('--telemetry=off');

registerSchemes();
if (!app.requestSingleInstanceLock()) app.quit();

let services: Services | null = null;
let window: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Glasswing',
    backgroundColor: '#111317',
    webPreferences: {
      preload: path.join(import.meta.dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

void app.whenReady().then(() => {
  lockDown();
  const s = createServices({
    dataDir: defaultDataDir(),
    host: 'electron',
    appVersion,
    settings: openElectronSettings(defaultDataDir()),
    mediaUrl: (id) => `media://item/${id}`,
    pickFolder: async () => {
      const result = window
        ? await dialog.showOpenDialog(window, { properties: ['openDirectory'] })
        : await dialog.showOpenDialog({ properties: ['openDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    telemetry: {
      endpoint: process.env.GLASSWING_TELEMETRY_ENDPOINT ?? null,
      cliOff: telemetryOff,
      env: process.env,
      policyPath: defaultPolicyPath(process.platform),
      fetch: nodeFetch,
    },
  });
  services = s;
  handleProtocols(s, rendererDir());

  ipcMain.on('glasswing:contract', (event) => {
    event.returnValue = isTrustedSender(event.senderFrame) ? { calls: callNames, events: eventNames } : { calls: [], events: [] };
  });
  ipcMain.handle('glasswing:invoke', (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame)) return { ok: false, error: { code: 'forbidden', message: 'Not our frame.' } };
    return s.call(method, input);
  });
  s.events.subscribe((event, payload) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send('glasswing:event', event, payload);
  });

  window = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createWindow();
  });
});

app.on('second-instance', () => {
  if (window?.isMinimized()) window.restore();
  window?.focus();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Outstanding work (scans, an upload) is awaited with a bound, so quitting never hangs or corrupts.
let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !services) return;
  quitting = true;
  event.preventDefault();
  const s = services;
  void Promise.race([s.close(), new Promise((r) => setTimeout(r, QUIT_TIMEOUT_MS))]).finally(() => app.exit(0));
});
