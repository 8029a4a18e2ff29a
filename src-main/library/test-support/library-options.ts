import { spawn } from 'node:child_process';
import { systemClock } from '../../ports.js';
import type { Clock } from '../../ports.js';
import type { OpenLibraryOptions } from '../library-service.js';

/** How tests address a cached picture (the web host's `/art/<id>`). */
export const testArtUrl = (artId: string): string => `/art/${artId}`;

type TestOverrides = { ffprobe?: string; clock?: Clock } & Omit<Partial<OpenLibraryOptions>, 'dataDir' | 'tools'>;

/**
 * Options for a library under test: node's `spawn` of the real ffprobe (or the stand-in given), the
 * system clock unless the test moves one by hand, and `/art/<id>` picture URLs.
 */
export function testLibraryOptions(dataDir: string, overrides: TestOverrides = {}): OpenLibraryOptions {
  const { ffprobe = 'ffprobe', clock = systemClock, ...rest } = overrides;
  return { dataDir, artUrl: testArtUrl, tools: { ffprobe, spawn, clock }, ...rest };
}
