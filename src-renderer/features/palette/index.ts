/** The command palette's door: the host the shell mounts, and the registry features add commands to. */
export { PaletteHost, openPalette } from './PaletteHost';
export { registerCommand, registerCommands, useCommands, type Command, type CommandGroup } from './commands';
export { usePlayerCommands, type SubtitleSwitches } from './usePlayerCommands';
