import type { SearchHit } from '../../api';
import { navigate } from '../../app';
import { KIND_NAME, highlightParts, hitKey, routeOfHit, type TextPart } from '../search';
import { COMMAND_GROUPS, type Command } from './commands';
import { fuzzyMatch, markPositions } from './fuzzy';

/** One row of the palette: a command, a library hit, or "show all results". */
export interface PaletteOption {
  key: string;
  parts: TextPart[];
  /** The hit's kind and context ("Episode · Harbour Lights"). */
  detail: string | null;
  shortcut: string | null;
  run: () => unknown;
  /** Shift+Enter: plays a hit that can play. */
  alt: (() => unknown) | null;
}

export interface PaletteSection {
  title: string;
  options: PaletteOption[];
}

/** Library search needs this many characters: one letter matches half the library and says nothing. */
export const MIN_SEARCH = 2;

function commandOption(command: Command, positions: readonly number[] = []): PaletteOption {
  return { key: `cmd:${command.id}`, parts: markPositions(command.label, positions), detail: null, shortcut: command.shortcut ?? null, run: command.run, alt: null };
}

/** Every applicable command by group (nothing typed), or those that match ranked best first. */
function commandSections(query: string, commands: readonly Command[]): PaletteSection[] {
  const live = commands.filter((c) => c.when?.() ?? true);
  if (query.trim() === '') {
    return COMMAND_GROUPS.map((group) => ({ title: group, options: live.filter((c) => (c.group ?? 'Go to') === group).map((c) => commandOption(c)) })).filter((s) => s.options.length > 0);
  }
  const ranked = live
    .map((command) => ({ command, match: matchCommand(query, command) }))
    .filter((r) => r.match !== null)
    .sort((a, b) => b.match!.score - a.match!.score);
  const options = ranked.map((r) => commandOption(r.command, r.match!.positions));
  return options.length > 0 ? [{ title: 'Commands', options }] : [];
}

/** The label's match, else a keyword's (ranked lower, and marking nothing in the label). */
function matchCommand(query: string, command: Command) {
  const onLabel = fuzzyMatch(query, command.label);
  if (onLabel) return onLabel;
  const onKeyword = Math.max(...(command.keywords ?? []).map((k) => fuzzyMatch(query, k)?.score ?? -Infinity));
  return Number.isFinite(onKeyword) ? { score: onKeyword / 2, positions: [] } : null;
}

function hitOption(hit: SearchHit, query: string, playItem: (id: string) => void): PaletteOption {
  const play = hit.playableId;
  return {
    key: `hit:${hitKey(hit)}`,
    parts: highlightParts(hit.title, query),
    detail: [KIND_NAME[hit.kind], hit.subtitle].filter(Boolean).join(' · '),
    shortcut: null,
    run: () => navigate(routeOfHit(hit)),
    alt: play ? () => playItem(play) : null,
  };
}

/** The palette's rows: matching commands first (so Enter's target does not move as hits arrive), then the library. */
export function paletteSections(query: string, commands: readonly Command[], hits: readonly SearchHit[] | null, playItem: (id: string) => void): PaletteSection[] {
  const sections = commandSections(query, commands);
  const q = query.trim();
  if (q.length < MIN_SEARCH) return sections;
  const all: PaletteOption = { key: 'search-all', parts: [{ text: `Search the library for “${q}”`, match: false }], detail: null, shortcut: null, run: () => navigate({ screen: 'search', query: q }), alt: null };
  return [...sections, { title: 'In your library', options: [...(hits ?? []).map((h) => hitOption(h, q, playItem)), all] }];
}
