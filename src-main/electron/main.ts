import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { callNames, eventNames } from '../contract/index.js';
import Store from 'electron-store';
import { rendererDir } from '../hosting/app-shell.js';
import { defaultDataDir } from '../hosting/data-dir.js';
import { appVersion } from '../hosting/version.js';
import { createServices, telemetryFromEnvironment, type Services } from '../services.js';
import { handleProtocols, registerSchemes } from './protocols.js';
import { APP_ORIGIN, isTrustedSender, lockDown } from './security.js';

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
    // The same settings.json as `glasswing serve`, kept by electron-store: one set of settings for both.
    openSettingsBacking: (cwd, name) => new Store({ name, cwd, clearInvalidConfig: false }),
    pickFolder: async () => {
      const result = window
        ? await dialog.showOpenDialog(window, { properties: ['openDirectory'] })
        : await dialog.showOpenDialog({ properties: ['openDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    telemetry: telemetryFromEnvironment(process.env, { cliOff: telemetryOff }),
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
