import { errorMessage, type Client } from '../../../api';
import { createStore, perKey, type Store } from '../../../ui';
import type { SettingKey, Settings, SettingsPatch } from './types';

/** What the last save did, in words: "saved" is read out politely, "failed" as an alert. */
export type SaveNote = { status: 'idle' } | { status: 'saved'; message: string } | { status: 'failed'; message: string };

export interface SettingsState {
  /** What main holds; null until the first answer. */
  saved: Settings | null;
  /** Changes sent and not yet answered: shown at once, dropped again if main refuses them. */
  pending: Partial<Settings>;
  loadError: string | null;
  note: SaveNote;
}

export interface SettingsStore {
  state: Store<SettingsState>;
  /** Fetches once and follows every window's changes from then on; calling it again does nothing. */
  start(): void;
  /** Fetches again (after a failed load). */
  load(): void;
  update(patch: SettingsPatch): Promise<void>;
}

/** The words a save note uses for each setting. */
export const SETTING_LABEL: Record<SettingKey, string> = {
  telemetryReviewHours: 'Review window',
  theme: 'Theme',
  preferredAudioLanguage: 'Audio language',
  preferredSubtitleLanguage: 'Subtitle language',
  transcodeQuality: 'Transcode quality',
  autoplayNextEpisode: 'Autoplay next episode',
};

/** The settings as the screen shows them: what main holds with the changes on their way laid over it. */
export function shownSettings(state: SettingsState): Settings | null {
  return state.saved ? { ...state.saved, ...state.pending } : null;
}

/** `pending` without the keys `patch` set, unless a later change has replaced them meanwhile. */
function settle(pending: Partial<Settings>, patch: SettingsPatch): Partial<Settings> {
  const rest: Record<string, unknown> = { ...pending };
  for (const [key, value] of Object.entries(patch)) if (Object.is(rest[key], value)) delete rest[key];
  return rest as Partial<Settings>;
}

/** A message as a sentence, so another can follow it. */
function sentence(text: string): string {
  return /[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

function labelOf(patch: SettingsPatch): string {
  const key = Object.keys(patch)[0] as SettingKey | undefined;
  return key ? SETTING_LABEL[key] : 'Settings';
}

/**
 * One settings store per client, shared by every screen and by the theme: `settings.get` once, then
 * `onDidChangeSettings` keeps it in step with the other windows, and a reconnect fetches again (events sent
 * while the socket was down are lost).
 */
export const settingsStoreOf = perKey(createSettingsStore);

function createSettingsStore(client: Client): SettingsStore {
  const state = createStore<SettingsState>({ saved: null, pending: {}, loadError: null, note: { status: 'idle' } });
  let started = false;

  function load() {
    client['settings.get']({}).then(
      (saved) => state.set((s) => ({ ...s, saved, loadError: null })),
      (error: unknown) => state.set((s) => ({ ...s, loadError: errorMessage(error) })),
    );
  }

  async function update(patch: SettingsPatch) {
    const label = labelOf(patch);
    // The note is emptied first, so saving the same setting twice is announced twice.
    state.set((s) => ({ ...s, pending: { ...s.pending, ...patch } as Partial<Settings>, note: { status: 'idle' } }));
    try {
      const saved = await client['settings.update'](patch);
      state.set((s) => ({ ...s, saved, pending: settle(s.pending, patch), note: { status: 'saved', message: `${label} saved.` } }));
    } catch (error) {
      const message = `${label} was not saved: ${sentence(errorMessage(error))} The previous choice is kept.`;
      state.set((s) => ({ ...s, pending: settle(s.pending, patch), note: { status: 'failed', message } }));
    }
  }

  function start() {
    if (started) return;
    started = true;
    client.on('onDidChangeSettings', (saved) => state.set((s) => ({ ...s, saved, loadError: null })));
    let wasOpen = client.connection.get() === 'open';
    client.connection.subscribe(() => {
      const open = client.connection.get() === 'open';
      if (open && !wasOpen) load();
      wasOpen = open;
    });
    load();
  }

  return { state, start, load, update };
}
