import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { calls } from '../contract/api.js';

/**
 * Issue 13's rule, "no call's reply grows with the library", checked on the contract itself: every list in
 * every reply either has a maximum in its schema (so main cannot send more, and the renderer would reject
 * it) or is listed here with what bounds it instead. A new list with neither fails this test.
 */
const BOUNDED_ELSEWHERE: ReadonlyArray<[pattern: RegExp, why: string]> = [
  [/^library\.status\.folders$/, 'the folders the user added'],
  [/\.subtitleLanguages$/, 'one file’s subtitle tracks'],
  [/\.file\.parts$/, 'the parts of one movie (CD1, CD2 …)'],
  [/\.(movie|show)\.extras$/, 'the extras of one movie or show'],
  [/^library\.detail\|3\.show\.seasons(\[\]\.episodes)?$/, 'the seasons and episodes of one show'],
  [/^library\.detail\|4\.album\.discs(\[\]\.tracks)?$/, 'the discs and tracks of one album'],
  [/^library\.detail\|5\.albums$/, 'the albums of one artist'],
  [/^library\.counts\.movieFilters\.decades$/, 'the decades of film: the calendar'],
  [/^playback\.open\.(subtitles|audioTracks|chapters)$/, 'the tracks and chapters of one file'],
  [/^privacy\./, 'the telemetry queue and ledger: capped by their own limits (telemetry/event-queue.ts), never by the library'],
  [/^stats\.get\.(weeks|growth)$/, 'a fixed number of weeks'],
];

type Node = { _zod: { def: Record<string, unknown> & { type: string } } };

/** Paths (call, then fields; `|n` for the n-th union member, `[]` for a list's element) of lists without a maximum. */
function unboundedLists(schema: Node, path: string, out: string[]): string[] {
  const def = schema._zod.def;
  const inner = (key: string) => def[key] as Node;
  switch (def.type) {
    case 'array': {
      const checks = (def.checks ?? []) as Array<{ _zod: { def: { check: string } } }>;
      if (!checks.some((c) => c._zod.def.check === 'max_length')) out.push(path);
      unboundedLists(inner('element'), `${path}[]`, out);
      break;
    }
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, Node>)) unboundedLists(value, `${path}.${key}`, out);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'prefault':
    case 'catch':
      unboundedLists(inner('innerType'), path, out);
      break;
    case 'union':
      (def.options as Node[]).forEach((option, i) => unboundedLists(option, `${path}|${i}`, out));
      break;
    case 'pipe':
      unboundedLists(inner('out'), path, out);
      break;
    case 'record':
      unboundedLists(inner('valueType'), `${path}{}`, out);
      break;
  }
  return out;
}

describe('the contract’s replies', () => {
  const lists = Object.entries(calls).flatMap(([name, call]) => unboundedLists((call as { output: z.ZodType }).output as unknown as Node, name, []));

  it('bound every list: by a maximum in the schema, or by something that is not the library’s size', () => {
    const unexplained = lists.filter((path) => !BOUNDED_ELSEWHERE.some(([pattern]) => pattern.test(path)));
    expect(unexplained).toEqual([]);
  });

  it('has no call that sends the whole library', () => {
    expect(Object.keys(calls)).not.toContain('library.snapshot');
    // Pages, search, shelves and the unreadable files are the lists that would grow: each has its maximum.
    for (const grows of ['library.page|0.items', 'library.search.hits', 'library.unparseable.files', 'library.home.upNext', 'library.scan.failed']) {
      expect(lists).not.toContain(grows);
    }
  });

  it('lists no exception that no longer matches anything', () => {
    const stale = BOUNDED_ELSEWHERE.filter(([pattern]) => !lists.some((path) => pattern.test(path))).map(([, why]) => why);
    expect(stale).toEqual([]);
  });
});
