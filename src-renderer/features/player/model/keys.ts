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

export const BINDINGS: { keys: string[]; label: string; action: PlayerAction }[] = [
  { keys: ['Space', 'k'], label: 'Play or pause', action: { type: 'toggle' } },
  { keys: ['←'], label: 'Back 5 seconds', action: { type: 'seekBy', seconds: -5 } },
  { keys: ['→'], label: 'Forward 5 seconds', action: { type: 'seekBy', seconds: 5 } },
  { keys: ['j'], label: 'Back 10 seconds', action: { type: 'seekBy', seconds: -10 } },
  { keys: ['l'], label: 'Forward 10 seconds', action: { type: 'seekBy', seconds: 10 } },
  { keys: ['↑', '↓'], label: 'Volume up or down', action: { type: 'volumeBy', delta: 0.1 } },
  { keys: ['m'], label: 'Mute or unmute', action: { type: 'mute' } },
  { keys: ['f'], label: 'Full screen', action: { type: 'fullscreen' } },
  { keys: ['c'], label: 'Next subtitle track (or off)', action: { type: 'subtitles' } },
  { keys: ['a'], label: 'Next audio track', action: { type: 'audioTrack' } },
  { keys: ['n', 'p'], label: 'Next or previous item in the queue', action: { type: 'next' } },
  { keys: [',', '.'], label: 'One frame back or forward (while paused)', action: { type: 'frame', direction: 1 } },
  { keys: ['0', '…', '9'], label: 'Jump to 0 %, 10 % … 90 %', action: { type: 'seekToFraction', fraction: 0 } },
  { keys: ['?'], label: 'Show these shortcuts', action: { type: 'help' } },
  { keys: ['Esc'], label: 'Close the player', action: { type: 'help' } },
];

/** The action for a key press, or null. Modifier chords are left to the browser and the OS. */
export function actionForKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): PlayerAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const { key } = event;
  if (/^[0-9]$/.test(key)) return { type: 'seekToFraction', fraction: Number(key) / 10 };
  switch (key) {
    case ' ':
    case 'k':
      return { type: 'toggle' };
    case 'ArrowLeft':
      return { type: 'seekBy', seconds: -5 };
    case 'ArrowRight':
      return { type: 'seekBy', seconds: 5 };
    case 'j':
      return { type: 'seekBy', seconds: -10 };
    case 'l':
      return { type: 'seekBy', seconds: 10 };
    case 'ArrowUp':
      return { type: 'volumeBy', delta: 0.1 };
    case 'ArrowDown':
      return { type: 'volumeBy', delta: -0.1 };
    case 'm':
      return { type: 'mute' };
    case 'f':
      return { type: 'fullscreen' };
    case 'c':
      return { type: 'subtitles' };
    case 'a':
      return { type: 'audioTrack' };
    case 'n':
      return { type: 'next' };
    case 'p':
      return { type: 'previous' };
    case ',':
      return { type: 'frame', direction: -1 };
    case '.':
      return { type: 'frame', direction: 1 };
    case '?':
      return { type: 'help' };
    default:
      return null;
  }
}
