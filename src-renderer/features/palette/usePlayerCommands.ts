import { useEffect, useRef } from 'react';
import { BINDINGS, type PlayerAction } from '../player/model/keys';
import { registerCommands, type Command } from './commands';

/** The player's actions the palette offers; their keys come from the player's own table, so they cannot drift. */
const OFFERED: ReadonlyArray<{ id: string; label: string; action: PlayerAction }> = [
  { id: 'toggle', label: 'Play or pause', action: { type: 'toggle' } },
  { id: 'next', label: 'Next in the queue', action: { type: 'next' } },
  { id: 'previous', label: 'Previous in the queue', action: { type: 'previous' } },
  { id: 'back10', label: 'Back 10 seconds', action: { type: 'seekBy', seconds: -10 } },
  { id: 'forward10', label: 'Forward 10 seconds', action: { type: 'seekBy', seconds: 10 } },
  { id: 'subtitles', label: 'Subtitles: next track, then off', action: { type: 'subtitles' } },
];

const KEY_NAME: Record<string, string> = { ' ': 'Space' };

/** The first key the player binds to `action`, as the palette shows it. */
export function shortcutOf(action: PlayerAction): string | undefined {
  const wanted = JSON.stringify(action);
  for (const binding of BINDINGS) {
    const press = binding.presses.find(([, a]) => a !== null && JSON.stringify(a) === wanted);
    if (press) return KEY_NAME[press[0]] ?? press[0];
  }
  return undefined;
}

export interface SubtitleSwitches {
  on?: () => void;
  off?: () => void;
}

/**
 * Lists the player's actions in the palette while the calling player is mounted. `run` does what the key
 * would (the player passes the function its key handler calls), so the palette and the keys cannot differ;
 * `subtitles` adds "Subtitles: on" and "off" where the player can do them directly.
 */
export function usePlayerCommands(run: (action: PlayerAction) => void, subtitles: SubtitleSwitches = {}): void {
  const latest = useRef({ run, subtitles });
  useEffect(() => {
    latest.current = { run, subtitles };
  });
  const hasOn = subtitles.on !== undefined;
  const hasOff = subtitles.off !== undefined;
  useEffect(() => {
    const commands: Command[] = OFFERED.map(({ id, label, action }) => ({ id: `player.${id}`, label, group: 'Playback', shortcut: shortcutOf(action), keywords: ['player'], run: () => latest.current.run(action) }));
    if (hasOn) commands.push({ id: 'player.subtitlesOn', label: 'Subtitles: on', group: 'Playback', keywords: ['captions'], run: () => latest.current.subtitles.on?.() });
    if (hasOff) commands.push({ id: 'player.subtitlesOff', label: 'Subtitles: off', group: 'Playback', keywords: ['captions'], run: () => latest.current.subtitles.off?.() });
    return registerCommands(commands);
  }, [hasOn, hasOff]);
}
