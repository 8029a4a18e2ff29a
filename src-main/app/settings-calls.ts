import type { Settings } from '../contract/index.js';
import type { SettingsStore } from '../settings/index.js';
import type { CallsOf } from './calls.js';
import type { EventHub } from './event-hub.js';

/**
 * Settings, read and saved through the host's store (electron-store in the desktop app, the file store
 * elsewhere). Every window hears the result; `applied` puts a change into effect in the running services.
 */
export function settingsCalls(settings: SettingsStore, events: EventHub, applied: (next: Settings, before: Settings) => void = () => undefined): CallsOf<'settings'> {
  return {
    'settings.get': async () => settings.get(),
    'settings.update': async (patch) => {
      const before = settings.get();
      const next = settings.update(patch);
      applied(next, before);
      events.emit('onDidChangeSettings', next);
      return next;
    },
  };
}
