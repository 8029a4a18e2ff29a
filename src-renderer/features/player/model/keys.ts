/** Player actions and the keys bound to them (issue 7). One table drives both the handler and the `?` dialog. */
export type PlayerAction =
  | { type: 'toggle' }
  | { type: 'seekBy'; seconds: number }
  | { type: 'volumeBy'; delta: number }
  | { type: 'mute' }
  | { type: 'fullscreen' }
  | { type: 'subtitles' }
  | { type: 'audioTrack' }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'frame'; direction: 1 | -1 }
  | { type: 'seekToFraction'; fraction: number }
  | { type: 'help' };

interface Binding {
  label: string;
  /** Each `KeyboardEvent.key` and what it does; null where the key handler acts itself (Escape closes the player). */
  presses: ReadonlyArray<readonly [key: string, action: PlayerAction | null]>;
  /** How the dialog shows the keys where naming each would be too long (0 … 9). */
  shown?: readonly string[];
}

const TOGGLE: PlayerAction = { type: 'toggle' };
const DIGITS = Array.from({ length: 10 }, (_, n) => [String(n), { type: 'seekToFraction', fraction: n / 10 }] as const);

export const BINDINGS: readonly Binding[] = [
  { label: 'Play or pause', presses: [[' ', TOGGLE], ['k', TOGGLE]] },
  { label: 'Back 5 seconds', presses: [['ArrowLeft', { type: 'seekBy', seconds: -5 }]] },
  { label: 'Forward 5 seconds', presses: [['ArrowRight', { type: 'seekBy', seconds: 5 }]] },
  { label: 'Back 10 seconds', presses: [['j', { type: 'seekBy', seconds: -10 }]] },
  { label: 'Forward 10 seconds', presses: [['l', { type: 'seekBy', seconds: 10 }]] },
  { label: 'Volume up or down', presses: [['ArrowUp', { type: 'volumeBy', delta: 0.1 }], ['ArrowDown', { type: 'volumeBy', delta: -0.1 }]] },
  { label: 'Mute or unmute', presses: [['m', { type: 'mute' }]] },
  { label: 'Full screen', presses: [['f', { type: 'fullscreen' }]] },
  { label: 'Next subtitle track (or off)', presses: [['c', { type: 'subtitles' }]] },
  { label: 'Next audio track', presses: [['a', { type: 'audioTrack' }]] },
  { label: 'Next or previous item in the queue', presses: [['n', { type: 'next' }], ['p', { type: 'previous' }]] },
  { label: 'One frame back or forward (while paused)', presses: [[',', { type: 'frame', direction: -1 }], ['.', { type: 'frame', direction: 1 }]] },
  { label: 'Jump to 0 %, 10 % … 90 %', presses: DIGITS, shown: ['0', '…', '9'] },
  { label: 'Show these shortcuts', presses: [['?', { type: 'help' }]] },
  { label: 'Close the player', presses: [['Escape', null]] },
];

/** Keys whose `KeyboardEvent.key` is not what a person calls them. */
const KEY_NAME: Record<string, string> = { ' ': 'Space', ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc' };

/** A binding's keys as the `?` dialog shows them ("…" stands for the keys between two ends). */
export function keysShown(binding: Binding): readonly string[] {
  return binding.shown ?? binding.presses.map(([key]) => KEY_NAME[key] ?? key);
}

const ACTION_OF_KEY = new Map(BINDINGS.flatMap((b) => b.presses));

/** The action for a key press, or null. Modifier chords are left to the browser and the OS. */
export function actionForKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): PlayerAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  return ACTION_OF_KEY.get(event.key) ?? null;
}

/**
 * Keys that drive the music in the now-playing bar from anywhere on any screen (outside text fields): play or
 * pause, next and previous, mute, and 10-second jumps. Arrows and digits drive it only with focus in the bar:
 * elsewhere grids, lists and the page itself use them.
 */
const MUSIC_ANYWHERE: ReadonlySet<string> = new Set([' ', 'k', 'n', 'p', 'm', 'j', 'l']);
/** Video-only actions, which mean nothing for a track. */
const VIDEO_ONLY: ReadonlySet<PlayerAction['type']> = new Set(['fullscreen', 'subtitles', 'audioTrack', 'frame', 'help']);

/** The action for a key press while music plays in the bar; `inBar` when focus is in the bar. */
export function musicActionForKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }, inBar: boolean): PlayerAction | null {
  const action = actionForKey(event);
  if (!action || VIDEO_ONLY.has(action.type)) return null;
  return inBar || MUSIC_ANYWHERE.has(event.key) ? action : null;
}
