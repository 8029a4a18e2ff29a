import { BINDINGS, keysShown } from '../../player/model/keys';
import { NAV } from '../../../shell/nav';

/** Keys pressed one after the other ("g then m"), or held together ("Ctrl+K"). */
export interface KeyCombo {
  keys: readonly string[];
  together?: boolean;
}

export interface Shortcut {
  action: string;
  combos: readonly KeyCombo[];
  /** How the combos read: alternatives ("Space or k"), a set ("← → ↑ ↓") or a range ("0 … 9"). */
  join: 'or' | 'set' | 'range';
}

export interface ShortcutGroup {
  id: string;
  title: string;
  /** When the group's keys work. */
  note: string;
  shortcuts: readonly Shortcut[];
}

const one = (...keys: string[]): KeyCombo[] => keys.map((k) => ({ keys: [k] }));

/**
 * Every keyboard shortcut, read from where each is bound where a table exists (the sidebar's g-chords, the
 * player's keys), so this list cannot drift from them. `isMac` names the palette's modifier as the
 * keyboard shows it.
 */
export function shortcutGroups(isMac: boolean): ShortcutGroup[] {
  return [
    {
      id: 'anywhere',
      title: 'Anywhere',
      note: 'Outside text fields.',
      shortcuts: [
        { action: 'Search', combos: one('/'), join: 'or' },
        { action: 'Command palette', combos: [{ keys: [isMac ? '⌘' : 'Ctrl', 'K'], together: true }], join: 'or' },
        { action: 'Back', combos: one('Esc', 'Backspace'), join: 'or' },
      ],
    },
    {
      id: 'go-to',
      title: 'Go to',
      note: 'Press g, then the key.',
      shortcuts: NAV.map((entry) => ({ action: entry.label, combos: [{ keys: ['g', entry.key] }], join: 'or' })),
    },
    {
      id: 'lists',
      title: 'Grids, lists and tabs',
      note: 'Where one has the focus.',
      shortcuts: [
        { action: 'Move between items', combos: one('←', '→', '↑', '↓'), join: 'set' },
        { action: 'Open the focused item', combos: one('Enter'), join: 'or' },
        { action: 'Next or previous tab', combos: one('←', '→'), join: 'set' },
      ],
    },
    {
      id: 'player',
      title: 'Player',
      note: 'While the player is open.',
      shortcuts: BINDINGS.map((binding) => ({ action: binding.label, combos: one(...keysShown(binding)), join: binding.shown ? 'range' : 'or' })),
    },
  ];
}

/** Whether this keyboard has ⌘ where others have Ctrl. */
export function isMacKeyboard(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}
