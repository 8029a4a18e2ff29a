import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Api, Settings } from './contract/index.js';
import { applySettings, appCalls, dispatch, EventHub, Jobs, LibraryChanges, libraryCalls, playbackCalls, privacyCalls, pushTelemetryChanges, reviewWindowMs, Scans, settingsCalls, statsCalls } from './app/index.js';
import { openHistory } from './history/index.js';
import { artResponse, artworkDir, openLibrary, type ArtResponse, type LibraryService } from './library/index.js';
import { mediaUrls, type MediaHost } from './media-urls.js';
import { mediaResponse, openPlayback, type ConditionalHeaders, type MediaResponse, type PlaybackService } from './playback/index.js';
import { nodeFetch, systemClock, type Clock, type Fetch } from './ports.js';
import { openFileSettings, type OpenSettingsBacking } from './settings/index.js';
import { defaultPolicyPath, openTelemetry, type TelemetryService } from './telemetry/index.js';

/**
 * The composition root: builds every service from a data directory and wires them together. Both hosts
 * (and the CLI) call it, and import nothing else of `src-main` but the contract, `media-urls.ts`, the ports
 * and `hosting/`. The handlers of each contract namespace live in `app/`.
 */

/** Tools that need no data directory, for the command line: naming, the demo library, the event catalog. */
export { formatIdentification, generateDemoLibrary, identifyPath } from './library/index.js';
export { catalogDump } from './telemetry/index.js';

/** Where telemetry may go and what forces it off; `telemetryFromEnvironment` fills it for a real launch. */
export interface TelemetrySetup {
  endpoint: string | null;
  cliOff: boolean;
  env: Record<string, string | undefined>;
  policyPath: string | null;
  fetch: Fetch;
  clock?: Clock;
}

export interface ServicesOptions {
  dataDir: string;
  /** Which host serves the renderer; it decides the shape of media URLs (see media-urls.ts). */
  host: MediaHost;
  appVersion: string;
  /** ffmpeg and ffprobe binaries; default from PATH. */
  ffmpegPath?: string;
  ffprobePath?: string;
  /** A native folder picker, where the host has one. */
  pickFolder?: () => Promise<string | null>;
  /** The Electron host keeps the settings file with electron-store; everything else with conf. */
  openSettingsBacking?: OpenSettingsBacking;
  telemetry: TelemetrySetup;
}

export interface Services {
  api: Api;
  events: EventHub;
  call(method: unknown, input: unknown): ReturnType<typeof dispatch>;
  media(itemId: string, method: string, headers: ConditionalHeaders): MediaResponse;
  /** A cached poster or cover by its content id (`/art/<id>`, `media://art/<id>`); never by path. */
  art(artId: string, method: string, ifNoneMatch?: string | string[]): ArtResponse;
  /** A cached picture's grid-sized thumbnail (`/thumb/<id>`, `media://thumb/<id>`), made on first request. */
  thumb(artId: string, method: string, ifNoneMatch?: string | string[]): Promise<ArtResponse>;
  /** Playback sessions: the hosts' HLS and subtitle routes call `hls()` and `subtitle()`. */
  playback: PlaybackService;
  library: LibraryService;
  telemetry: TelemetryService;
  /** Waits for outstanding work (bounded), then closes every store. */
  close(): Promise<void>;
}

/** How long closing waits for scans, uploads and streams before it closes the stores under them. */
const CLOSE_BOUND_MS = 3000;

/** Telemetry as a real launch sets it up: endpoint from the flag or the environment, the OS's policy file. */
export function telemetryFromEnvironment(env: NodeJS.ProcessEnv, flags: { cliOff: boolean; endpoint?: string | null }): TelemetrySetup {
  return {
    endpoint: flags.endpoint ?? env.GLASSWING_TELEMETRY_ENDPOINT ?? null,
    cliOff: flags.cliOff,
    env,
    policyPath: defaultPolicyPath(process.platform),
    fetch: nodeFetch,
  };
}

/** The telemetry pipeline of a launch: where it may send, what forces it off, and Settings' review window. */
function launchTelemetry(opts: ServicesOptions, clock: Clock, settings: Settings): TelemetryService {
  return openTelemetry({
    dataDir: opts.dataDir,
    appVersion: opts.appVersion,
    clock,
    fetch: opts.telemetry.fetch,
    endpoint: opts.telemetry.endpoint,
    env: opts.telemetry.env,
    cliOff: opts.telemetry.cliOff,
    policyPath: opts.telemetry.policyPath,
    reviewWindowMs: reviewWindowMs(settings),
    // Ready events (past their review window) leave on their own at a jittered time, never at start-up,
    // and only with an endpoint, consent and the network purpose on; "Send now" skips the wait.
    autoUpload: true,
  });
}

export function createServices(opts: ServicesOptions): Services {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const clock = opts.telemetry.clock ?? systemClock;
  const settings = openFileSettings(opts.dataDir, opts.openSettingsBacking);
  // What the services start with; later changes reach them through `applySettings`.
  const initialSettings = settings.get();
  const urls = mediaUrls(opts.host);
  const events = new EventHub();
  const jobs = new Jobs();
  const library = openLibrary({
    dataDir: opts.dataDir,
    artUrl: urls.art,
    thumbUrl: urls.thumb,
    tools: { ffprobe: opts.ffprobePath ?? 'ffprobe', ffmpeg: opts.ffmpegPath ?? 'ffmpeg', spawn, clock: systemClock },
  });
  const telemetry = launchTelemetry(opts, clock, initialSettings);
  const record = telemetry.record.bind(telemetry);
  const history = openHistory({ dataDir: opts.dataDir, clock });
  const playback = openPlayback({
    resolve: (id) => library.resolveItem(id),
    record,
    urls,
    cacheDir: path.join(opts.dataDir, 'cache', 'transcode'),
    tools: { ffmpeg: opts.ffmpegPath ?? 'ffmpeg', ffprobe: opts.ffprobePath ?? 'ffprobe', spawn, clock: systemClock },
    emit: (status) => events.emit('onDidChangeTranscode', status),
    transcodeQuality: initialSettings.transcodeQuality,
  });

  // Additions, deletions and moves on disk show up without a rescan.
  const changes = new LibraryChanges(events);
  const stopWatching = library.watch((change) => changes.onDisk(change));
  const stopTelemetryPush = pushTelemetryChanges(telemetry, events, systemClock);

  const libraryDeps = { library, history, events, changes, jobs, record, ...(opts.pickFolder ? { pickFolder: opts.pickFolder } : {}) };
  const scans = new Scans(libraryDeps);
  const api: Api = {
    ...appCalls({ host: opts.host, appVersion: opts.appVersion, canPickFolders: !!opts.pickFolder }, record),
    ...libraryCalls(libraryDeps, scans),
    ...playbackCalls({ playback, library, history, events, changes, jobs }),
    ...settingsCalls(settings, events, applySettings({ telemetry, playback })),
    ...privacyCalls(telemetry, jobs),
    ...statsCalls(history),
  };

  record('app.started', { appVersion: opts.appVersion, osFamily: os.platform(), localeRegion: Intl.DateTimeFormat().resolvedOptions().locale });

  // A damaged index was rebuilt with its folders: scanning them re-populates it and hands each file its
  // salvaged watched state back. A failure here is the scan's to report, not start-up's.
  if (library.recovery) void scans.run().catch(() => undefined);

  return {
    api,
    events,
    call: (method, input) => dispatch(api, method, input),
    media: (itemId, method, headers) => mediaResponse((id) => library.resolveItem(id), itemId, method, headers),
    art: (artId, method, ifNoneMatch) => artResponse(artworkDir(opts.dataDir), artId, method, ifNoneMatch),
    thumb: (artId, method, ifNoneMatch) => library.thumbnail(artId, method, ifNoneMatch),
    playback,
    library,
    telemetry,
    async close() {
      scans.cancel();
      stopWatching();
      stopTelemetryPush();
      await jobs.settle(CLOSE_BOUND_MS, playback.close());
      await telemetry.close();
      history.close();
      library.close();
    },
  };
}
