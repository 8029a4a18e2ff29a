import { UiFeature, type Category } from '../contract/index.js';
import type { EventSpec } from './spec.js';

/**
 * The event catalog: every event Glasswing can record, declared once, as data. It is the single source of
 * the zod schemas record() validates with, the "What we collect" catalog tab and `--telemetry-dump`.
 *
 * Checklist when changing it:
 * - bump CATALOG_VERSION and add a CHANGELOG entry saying what changed, in words a user reads;
 * - a new category also goes into CATEGORY_SINCE with the new version (it then starts off as pending);
 * - `npx vitest run src-main/telemetry/catalog.test.ts` checks media-number generalizers, the uniqueness
 *   ceiling and the duration buckets against real film runtimes;
 * - `npx tsx scripts/gen-collector-allowlist.ts` regenerates the collector's allowlist;
 * - `npm run typecheck` names every record() call whose event or fields no longer match.
 */

export const CATALOG_VERSION = 1;

export const CHANGELOG: { version: number; changes: string[] }[] = [
  {
    version: 1,
    changes: [
      'First catalog: app.started, library.scan_completed, playback.started, playback.failed, playback.transcode_speed, ui.feature_used.',
      'playback.started carries kind (video or audio), container, codecs, a resolution class, a length bucket and the play mode in one event.',
    ],
  },
];

/** The catalog version that introduced each category: a category newer than the user's last choice is pending. */
export const CATEGORY_SINCE: Record<Category, number> = { performance: 1, usage: 1, diagnostics: 1 };

/** Known app versions as major.minor; anything else is sent as 'other'. Add each release line here. */
const APP_VERSIONS = ['0.1', 'other'] as const;
const REGIONS = ['us', 'gb', 'ca', 'au', 'de', 'fr', 'es', 'it', 'nl', 'se', 'pl', 'br', 'mx', 'in', 'jp', 'kr', 'cn', 'other'] as const;

/** `as const`: the record() types (index.ts) are derived from these literals, so a misspelt name or field does not compile. */
export const EVENTS = [
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
    // One event per playback, as issues 3 and 4 define it. An earlier draft split the length and resolution
    // into a second event to stay under the uniqueness ceiling; that protected nothing, since both halves
    // of one playback travel in the same batch. The ceiling was raised instead, honestly (catalog-model.ts).
    name: 'playback.started',
    category: 'usage',
    purpose: 'Shows which formats, lengths and resolutions people play and how often they need remuxing or transcoding, so we know which to optimise.',
    fields: [
      // movie and episode are stored alike: which of the two carries no format decision, only entropy.
      { type: 'enum', name: 'kind', description: 'Video (a movie or an episode) or audio (a track).', values: ['video', 'audio'], normalize: 'mediaKind' },
      { type: 'enum', name: 'container', description: 'File container.', values: ['mp4', 'matroska', 'webm', 'mp3', 'flac', 'ogg', 'other'], normalize: 'container' },
      { type: 'enum', name: 'videoCodec', description: 'Video codec; none for audio.', values: ['h264', 'hevc', 'vp9', 'av1', 'none', 'other'], normalize: 'codec', nullAs: 'none' },
      {
        type: 'enum',
        name: 'audioCodec',
        description: 'Audio codec; none for a video without sound.',
        values: ['aac', 'mp3', 'flac', 'opus', 'vorbis', 'ac3', 'none', 'other'],
        normalize: 'codec',
        nullAs: 'none',
      },
      {
        type: 'bucket',
        name: 'resolution',
        description: 'Video frame height class; none for audio.',
        // 1440p and 2160p are one class: both need the same downscale decision on most screens.
        edges: [481, 721, 1081],
        unit: 'px high',
        generalizer: 'videoHeight',
        tokens: ['sd', '720p', '1080p', 'over-1080p'],
        labels: ['under 481 px high', '481–720 px high', '721–1080 px high', '1081 px high or more'],
        nullAs: { token: 'none', label: 'none (no video)' },
      },
      {
        type: 'bucket',
        name: 'duration',
        description: 'Length of the item.',
        // No bucket below 30 min: in 61,291 film runtimes only 330 are under 5 min, too few to hide a title.
        // catalog.test.ts checks every bucket holds at least 500 of those films.
        edges: [30, 60, 90, 120, 180],
        unit: 'min',
        generalizer: 'secondsToMinutes',
        labels: ['under 30 min', '30–60 min', '60–90 min', '90 min–2 h', '2–3 h', '3 h or more'],
        nullAs: { token: 'unknown', label: 'unknown length' },
      },
      { type: 'enum', name: 'mode', description: 'How it is played.', values: ['direct', 'remux', 'transcode'] },
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
        values: UiFeature.options,
      },
    ],
  },
] as const satisfies readonly EventSpec[];
