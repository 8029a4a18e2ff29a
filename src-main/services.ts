import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, type Api } from './contract/index.js';
import { dispatch, EventHub } from './dispatch.js';
import { artResponse, artworkDir, openLibrary, type ArtResponse, type LibraryService } from './library/index.js';
import { mediaResponse, openPlayback, type ConditionalHeaders, type MediaResponse, type PlaybackService, type PlaybackUrls } from './playback/index.js';
import { openFileSettings, type SettingsStore } from './settings/index.js';
import { openHistory } from './history/index.js';
import { openTelemetry, type TelemetryService } from './telemetry/index.js';
import { systemClock, type Clock, type Fetch } from './ports.js';

export interface TelemetryOptions {
  endpoint: string | null;
  cliOff: boolean;
  env: Record<string, string | undefined>;
  policyPath: string | null;
  fetch: Fetch;
  clock?: Clock;
}

export interface ServicesOptions {
  dataDir: string;
  host: 'web' | 'electron';
  appVersion: string;
  /** How this host addresses an item's media: `/media/<id>` or `media://item/<id>`. */
  mediaUrl: (itemId: string) => string;
  /** How this host addresses a session's HLS and subtitle files; derived from `mediaUrl` when not given. */
  streamUrl?: PlaybackUrls['stream'];
  /** ffmpeg and ffprobe binaries; default from PATH. */
  ffmpegPath?: string;
  ffprobePath?: string;
  /** A native folder picker, where the host has one. */
  pickFolder?: () => Promise<string | null>;
  /** The Electron host brings electron-store; everything else uses the plain file store. */
  settings?: SettingsStore;
  telemetry: TelemetryOptions;
}

export interface Services {
  api: Api;
  events: EventHub;
  call(method: unknown, input: unknown): ReturnType<typeof dispatch>;
  media(itemId: string, method: string, headers: ConditionalHeaders): MediaResponse;
  /** A cached poster or cover by its content id (`/art/<id>`, `media://art/<id>`); never by path. */
  art(artId: string, method: string, ifNoneMatch?: string | string[]): ArtResponse;
  /** Playback sessions: the hosts' HLS and subtitle routes call `hls()` and `subtitle()`. */
  playback: PlaybackService;
  library: LibraryService;
  telemetry: TelemetryService;
  /** Waits for outstanding work (bounded), then closes every store. */
  close(): Promise<void>;
}

/** Throttle for pushed telemetry notices: the screen refetches, so bursts collapse into one. */
const TELEMETRY_PUSH_MS = 200;

/** The composition root: builds every service from a data directory. Both hosts call it. */
export function createServices(opts: ServicesOptions): Services {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const settings = opts.settings ?? openFileSettings(opts.dataDir);
  const events = new EventHub();
  const library = openLibrary({
    dataDir: opts.dataDir,
    artUrl: artUrlLike(opts.mediaUrl),
    tools: { ffprobe: opts.ffprobePath ?? 'ffprobe', spawn, clock: systemClock },
  });
  const telemetry = openTelemetry({
    dataDir: opts.dataDir,
    appVersion: opts.appVersion,
    clock: opts.telemetry.clock ?? systemClock,
    fetch: opts.telemetry.fetch,
    endpoint: opts.telemetry.endpoint,
    env: opts.telemetry.env,
    cliOff: opts.telemetry.cliOff,
    policyPath: opts.telemetry.policyPath,
    reviewWindowMs: Math.round(settings.get().telemetryReviewHours * 3_600_000),
    // Ready events (past their review window) leave on their own at a jittered time, never at start-up,
    // and only with an endpoint, consent and the network purpose on; "Send now" skips the wait.
    autoUpload: true,
  });
  const record = telemetry.record.bind(telemetry);
  const history = openHistory({ dataDir: opts.dataDir, clock: opts.telemetry.clock ?? systemClock });
  /** Playback session → its row in the local history. Bounded: sessions themselves are few and short-lived. */
  const plays = new Map<string, number>();
  const playback = openPlayback({
    resolve: (id) => library.resolveItem(id),
    record,
    urls: { media: opts.mediaUrl, stream: opts.streamUrl ?? streamUrlLike(opts.mediaUrl) },
    cacheDir: path.join(opts.dataDir, 'cache', 'transcode'),
    tools: { ffmpeg: opts.ffmpegPath ?? 'ffmpeg', ffprobe: opts.ffprobePath ?? 'ffprobe', spawn, clock: systemClock },
    emit: (status) => events.emit('onDidChangeTranscode', status),
  });

  // Additions, deletions and moves on disk show up without a rescan.
  const stopWatching = library.watch(() => events.emit('onDidChangeLibrary', {}));

  let pushTimer: NodeJS.Timeout | null = null;
  let pushReason = '';
  const stopTelemetryPush = telemetry.onDidChange((reason) => {
    pushReason = reason;
    pushTimer ??= setTimeout(() => {
      pushTimer = null;
      events.emit('onDidChangeTelemetry', { reason: pushReason });
    }, TELEMETRY_PUSH_MS);
  });

  const jobs = new Set<Promise<unknown>>();
  // One controller per scan generation: "cancel" aborts the scans running now, later scans start fresh.
  let scanAbort = new AbortController();
  function track<T>(p: Promise<T>): Promise<T> {
    jobs.add(p);
    void p.finally(() => jobs.delete(p)).catch(() => undefined);
    return p;
  }

  async function scan(folderId?: string) {
    const summary = await track(
      library.scan({
        ...(folderId ? { folderId } : {}),
        signal: scanAbort.signal,
        onProgress: (p) => events.emit('onDidChangeScanProgress', p),
      }),
    );
    events.emit('onDidChangeLibrary', {});
    history.noteLibrarySize(summary.added + summary.updated + summary.unchanged);
    record('library.scan_completed', {
      itemCount: summary.added + summary.updated + summary.unchanged,
      durationSec: summary.durationMs / 1000,
      failureCount: summary.failed.length,
    });
    return summary;
  }

  const api: Api = {
    'app.info': async () => ({ version: opts.appVersion, host: opts.host, canPickFolders: !!opts.pickFolder }),
    'app.noteFeature': async ({ feature }) => (record('ui.feature_used', { feature }), {}),
    'library.snapshot': async () => library.snapshot(),
    'library.addFolder': async ({ path, kind }) => {
      const folder = library.addFolder(path, kind);
      events.emit('onDidChangeLibrary', {});
      return folder;
    },
    'library.pickFolder': async ({ kind }) => {
      if (!opts.pickFolder) throw new AppError('bad-request', 'This host has no folder picker: type the folder path instead.');
      const picked = await opts.pickFolder();
      if (!picked) return null;
      const folder = library.addFolder(picked, kind);
      events.emit('onDidChangeLibrary', {});
      return folder;
    },
    'library.removeFolder': async ({ folderId }) => {
      const out = library.removeFolder(folderId);
      events.emit('onDidChangeLibrary', {});
      return out;
    },
    'library.scan': async ({ folderId }) => scan(folderId),
    'library.cancelScan': async () => {
      scanAbort.abort();
      scanAbort = new AbortController();
      return {};
    },
    'library.search': async ({ query, limit }) => ({ hits: library.search(query, limit) }),
    'playback.open': async (input) => track(playback.open(input)),
    'playback.status': async ({ sessionId }) => playback.status(sessionId),
    'playback.stop': async ({ sessionId }) => {
      plays.delete(sessionId);
      await playback.stop(sessionId);
      return {};
    },
    'playback.reportStarted': async ({ sessionId }) => {
      playback.reportStarted(sessionId);
      const info = playback.info(sessionId);
      if (info && !plays.has(sessionId)) {
        plays.set(sessionId, history.startPlay(info.kind, info.mode));
        // A renderer that never says stop must not grow this map: forget the oldest beyond a bound.
        if (plays.size > 64) plays.delete(plays.keys().next().value as string);
      }
      return {};
    },
    'playback.reportProgress': async ({ sessionId, positionSec, playedSec }) => {
      const info = playback.info(sessionId);
      if (!info) throw new AppError('not-found', 'This playback session has ended.');
      if (library.saveProgress(info.itemId, positionSec) === 'listing') events.emit('onDidChangeLibrary', {});
      const play = plays.get(sessionId);
      if (play !== undefined) history.addWatched(play, playedSec);
      return {};
    },
    'playback.reportFailed': async ({ sessionId, error }) => (playback.reportFailed(sessionId, error), {}),
    'privacy.snapshot': async () => telemetry.snapshot(),
    'privacy.catalog': async () => telemetry.catalog(),
    'privacy.markSeen': async () => (telemetry.markSeen(), {}),
    'privacy.setMaster': async ({ on }) => telemetry.setMaster(on),
    'privacy.setCategory': async ({ category, on }) => telemetry.setCategory(category, on),
    'privacy.deleteEvents': async ({ ids }) => telemetry.deleteEvents(ids),
    'privacy.setHold': async ({ on }) => (telemetry.setHold(on), {}),
    'privacy.setNetworkPurpose': async ({ purpose, allowed }) => (telemetry.setNetworkPurpose(purpose, allowed), {}),
    'privacy.sendNow': async () => track(telemetry.sendNow()),
    'privacy.verifyLedger': async () => telemetry.verifyLedger(),
    'privacy.exportLedger': async () => ({ json: telemetry.exportLedger() }),
    'stats.get': async () => history.stats(),
  };

  record('app.started', { appVersion: opts.appVersion, osFamily: os.platform(), localeRegion: Intl.DateTimeFormat().resolvedOptions().locale });

  // A damaged index was rebuilt with its folders: scanning them re-populates it and hands each file its
  // salvaged watched state back. A failure here is the scan's to report, not start-up's.
  if (library.recovery) void scan().catch(() => undefined);

  return {
    api,
    events,
    call: (method, input) => dispatch(api, method, input),
    media: (itemId, method, headers) => mediaResponse((id) => library.resolveItem(id), itemId, method, headers),
    art: (artId, method, ifNoneMatch) => artResponse(artworkDir(opts.dataDir), artId, method, ifNoneMatch),
    playback,
    library,
    telemetry,
    async close() {
      scanAbort.abort();
      stopWatching();
      stopTelemetryPush();
      if (pushTimer) clearTimeout(pushTimer);
      await Promise.race([Promise.allSettled([...jobs, playback.close()]), new Promise((r) => setTimeout(r, 3000).unref())]);
      await telemetry.close();
      history.close();
      library.close();
    },
  };
}

/** `/media/<id>` → `/media/hls/<session>/<file>`; `media://item/<id>` → `media://hls/<session>/<file>`. */
function streamUrlLike(mediaUrl: (itemId: string) => string): PlaybackUrls['stream'] {
  const electron = mediaUrl('x').startsWith('media://');
  return (kind, sessionId, file) => (electron ? `media://${kind}/${sessionId}/${file}` : `/media/${kind}/${sessionId}/${file}`);
}

/** `/media/<id>` → `/art/<artId>`; `media://item/<id>` → `media://art/<artId>`. */
function artUrlLike(mediaUrl: (itemId: string) => string): (artId: string) => string {
  const electron = mediaUrl('x').startsWith('media://');
  return (artId) => (electron ? `media://art/${artId}` : `/art/${artId}`);
}
