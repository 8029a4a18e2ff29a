import { useEffect } from 'react';
import { useApi } from '../../../api';
import { useStore } from '../../../ui';
import { settingsStoreOf, shownSettings, type SaveNote } from '../model/settingsStore';
import type { Settings, SettingsPatch } from '../model/types';

export interface SettingsView {
  /** Null until main has answered. */
  settings: Settings | null;
  loadError: string | null;
  note: SaveNote;
  update(patch: SettingsPatch): void;
  reload(): void;
}

/** The settings, live across windows, and a way to change them (saved at once; a refusal puts the old value back). */
export function useSettings(): SettingsView {
  const store = settingsStoreOf(useApi());
  useEffect(() => store.start(), [store]);
  const state = useStore(store.state);
  return { settings: shownSettings(state), loadError: state.loadError, note: state.note, update: (patch) => void store.update(patch), reload: store.load };
}
