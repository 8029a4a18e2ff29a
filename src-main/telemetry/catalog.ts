import type { Category } from '../contract/index.js';
import type { FieldSpec } from './generalize.js';

/**
 * The event catalog: every event Glasswing can record, declared once, as data. It is the single source of
 * the zod schemas record() validates with, the "What we collect" catalog tab and `--telemetry-dump`.
 *
 * Checklist when changing it:
 * - bump CATALOG_VERSION and add a CHANGELOG entry saying what changed, in words a user reads;
 * - a new category also goes into CATEGORY_SINCE with the new version (it then starts off as pending);
 * - `npx vitest run src-main/telemetry/catalog.test.ts` checks media-number generalizers, the uniqueness
 *   ceiling and the duration buckets against real film runtimes.
 */

export const CATALOG_VERSION = 1;

export const CHANGELOG: { version: number; changes: string[] }[] = [
  {
    version: 1,
    changes: [
      'First catalog: app.started, library.scan_completed, playback.started, playback.shape, playback.failed, playback.transcode_speed, ui.feature_used.',
    ],
  },
];

/** The catalog version that introduced each category: a category newer than the user's last choice is pending. */
export const CATEGORY_SINCE: Record<Category, number> = { performance: 1, usage: 1, diagnostics: 1 };

export interface EventSpec {
  name: string;
  category: Category;
  /** One sentence a user reads: why we want this event. */
  purpose: string;
  fields: readonly FieldSpec[];
}

/** Known app versions as major.minor; anything else is sent as 'other'. Add each release line here. */
const APP_VERSIONS = ['0.1', 'other'] as const;
const REGIONS = ['us', 'gb', 'ca', 'au', 'de', 'fr', 'es', 'it', 'nl', 'se', 'pl', 'br', 'mx', 'in', 'jp', 'kr', 'cn', 'other'] as const;
const KINDS = ['movie', 'episode', 'track'] as const;

export const EVENTS: readonly EventSpec[] = [
  {
    name: 'app.started',
    category: 'usage',
    purpose: 'Tells us which versions and operating systems are in use, so we know what to keep supporting.',
    fields: [
      { type: 'enum', name: 'appVersion', description: 'App release line (major.minor).', values: APP_VERSIONS, normalize: 'majorMinor' },
      { type: 'enum', name: 'osFamily', description: 'Operating system family.', values: ['windows', 'macos', 'linux', 'other'], normalize: 'osFamily' },
      { type: 'enum', name: 'localeRegion', description: 'Region part of the UI locale, from a short list.', values: REGIONS, normalize: 'localeRegion' },
    ],
  },
  {
    name: 'library.scan_completed',
    category: 'performance',
    purpose: 'Shows whether scanning a library is fast and reliable at different library sizes.',
    fields: [
      { type: 'bucket', name: 'itemCount', description: 'Items found.', edges: [10, 100, 1000, 10000], unit: 'items', generalizer: 'countBucket' },
      { type: 'bucket', name: 'durationSec', description: 'How long the scan took.', edges: [10, 60, 300, 1800], unit: 's', generalizer: 'seconds' },
      {
        type: 'bucket',
        name: 'failureCount',
        description: 'Files that could not be read.',
        edges: [1, 10, 100],
        unit: 'files',
        generalizer: 'countBucket',
        tokens: ['0', '1-9', '10-99', '100+'],
      },
    ],
  },
  {
    name: 'playback.started',
    category: 'usage',
    purpose: 'Shows which formats people play and how often they need remuxing or transcoding, so we know which to optimise.',
    fields: [
      { type: 'enum', name: 'kind', description: 'What kind of item.', values: KINDS },
      { type: 'enum', name: 'container', description: 'File container.', values: ['mp4', 'matroska', 'webm', 'mp3', 'flac', 'ogg', 'other'], normalize: 'lowercase' },
      { type: 'enum', name: 'videoCodec', description: 'Video codec.', values: ['h264', 'hevc', 'vp9', 'av1', 'none', 'other'], normalize: 'lowercase' },
      { type: 'enum', name: 'audioCodec', description: 'Audio codec.', values: ['aac', 'mp3', 'flac', 'opus', 'vorbis', 'ac3', 'none', 'other'], normalize: 'lowercase' },
      { type: 'enum', name: 'mode', description: 'How it is played.', values: ['direct', 'remux', 'transcode'] },
    ],
  },
  {
    // Split from playback.started on purpose: with every field in one event the worst case was 90,720
    // combinations, far above the uniqueness ceiling. Batches list records in random-id order, so the two
    // halves of one playback are not adjacent in a batch.
    name: 'playback.shape',
    category: 'usage',
    purpose: 'Shows the lengths and resolutions people play, so we tune buffering and transcoding for them.',
    fields: [
      { type: 'enum', name: 'kind', description: 'What kind of item.', values: KINDS },
      {
        type: 'bucket',
        name: 'resolution',
        description: 'Video frame height class.',
        edges: [481, 721, 1081, 2160],
        unit: 'px high',
        generalizer: 'videoHeight',
        tokens: ['sd', '720p', '1080p', '1440p', '2160p+'],
      },
      {
        type: 'bucket',
        name: 'duration',
        description: 'Length of the item.',
        // No bucket below 30 min: in 61,291 film runtimes only 330 are under 5 min, too few to hide a title.
        edges: [30, 60, 90, 120, 180],
        unit: 'min',
        generalizer: 'secondsToMinutes',
      },
    ],
  },
  {
    name: 'playback.failed',
    category: 'diagnostics',
    purpose: 'Tells us which kinds of playback failure happen, so we fix the common ones first.',
    fields: [{ type: 'enum', name: 'errorClass', description: 'Class of failure.', values: ['decode', 'network', 'unsupported', 'aborted', 'unknown'] }],
  },
  {
    name: 'playback.transcode_speed',
    category: 'performance',
    purpose: 'Shows whether transcoding keeps up with playback on real machines.',
    fields: [
      { type: 'bucket', name: 'speed', description: 'Transcode speed as a multiple of real time.', edges: [0.5, 1, 1.5, 2, 4], unit: '× real time', generalizer: 'realtimeMultiple' },
      { type: 'enum', name: 'hardwareClass', description: 'Whether a hardware encoder was used.', values: ['software', 'hardware'] },
    ],
  },
  {
    name: 'ui.feature_used',
    category: 'usage',
    purpose: 'Shows which features are used, so we do not remove one people rely on.',
    fields: [
      {
        type: 'enum',
        name: 'feature',
        description: 'Which feature.',
        values: ['subtitles', 'audio-track', 'fullscreen', 'search', 'add-folder', 'privacy-screen', 'ledger-export', 'other'],
      },
    ],
  },
];
