import { spawn } from 'node:child_process';
import { systemClock } from '../../ports.js';
import type { Clock } from '../../ports.js';
import type { OpenLibraryOptions } from '../library-service.js';

/** How tests address a cached picture (the web host's `/art/<id>`). */
export const testArtUrl = (artId: string): string => `/art/${artId}`;
/** How tests address a picture's thumbnail (the web host's `/thumb/<id>`). */
export const testThumbUrl = (artId: string): string => `/thumb/${artId}`;

type TestOverrides = { ffprobe?: string; ffmpeg?: string; clock?: Clock } & Omit<Partial<OpenLibraryOptions>, 'dataDir' | 'tools'>;

/**
 * Options for a library under test: node's `spawn` of the real ffprobe and ffmpeg (or the stand-ins
 * given), the system clock unless the test moves one by hand, `/art/<id>` and `/thumb/<id>` picture URLs,
 * and no thumbnails made in the background unless the test asks (so no test's ffmpeg runs outlive it).
 */
export function testLibraryOptions(dataDir: string, overrides: TestOverrides = {}): OpenLibraryOptions {
  const { ffprobe = 'ffprobe', ffmpeg = 'ffmpeg', clock = systemClock, ...rest } = overrides;
  return { dataDir, artUrl: testArtUrl, thumbUrl: testThumbUrl, warmThumbnails: false, tools: { ffprobe, ffmpeg, spawn, clock }, ...rest };
}
