import { createStore, useStore } from '../../ui';

/** The palette's sections, in the order it lists them when nothing is typed. */
export const COMMAND_GROUPS = ['Go to', 'Playback', 'Library', 'Appearance'] as const;
export type CommandGroup = (typeof COMMAND_GROUPS)[number];

/** One thing the user can do, declared once: the palette lists it, with the key that does the same. */
export interface Command {
  /** Stable and unique ("nav.movies", "player.toggle"); a second registration of an id replaces the first. */
  id: string;
  /** Says what it does, as a verb phrase: "Go to Movies", "Play or pause". */
  label: string;
  group?: CommandGroup;
  /** The keys that do the same outside the palette, pressed in turn and separated by spaces: "g m", "Space", "/". */
  shortcut?: string;
  /** More words it should be found by ("telemetry" for What we collect). */
  keywords?: readonly string[];
  /** Runs after the palette has closed; a promise's failure is reported. */
  run: () => unknown;
  /** Whether it applies now; unlisted when false. */
  when?: () => boolean;
}

const registry = createStore<readonly Command[]>([]);

/**
 * Adds a command to the palette until the returned function is called. Features register theirs while the
 * part of the screen they belong to is mounted (the player's while a player is), so the list is what applies.
 */
export function registerCommand(command: Command): () => void {
  registry.set((list) => [...list.filter((c) => c.id !== command.id), command]);
  // Removes this registration only: one that replaced it under the same id stays.
  return () => registry.set((list) => list.filter((c) => c !== command));
}

/** Registers several; one call undoes them all. */
export function registerCommands(commands: readonly Command[]): () => void {
  const undo = commands.map(registerCommand);
  return () => undo.forEach((u) => u());
}

/** Every registered command, live. */
export function useCommands(): readonly Command[] {
  return useStore(registry);
}
