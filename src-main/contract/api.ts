import { z } from 'zod';
import {
  DetailRequest,
  FolderKind,
  HomeShelves,
  ItemId,
  LibraryChange,
  LibraryCounts,
  LibraryDetail,
  LibraryPage,
  LibraryPageRequest,
  LibraryStatus,
  LocalStats,
  PAGE_MAX,
  ScanProgress,
  ScanSummary,
  SetWatchedRequest,
  Folder,
  SearchHit,
  UnparseablePage,
  UnparseableRequest,
} from './library.js';
import { Settings, SettingsPatch } from './settings.js';
import { Catalog, Category, ChainVerdict, NetworkPurpose, SendResult, TelemetryChange, TelemetryPart, TelemetryParts, UiFeature } from './telemetry.js';
import { OpenPlayback, PlaybackSource, TranscodeStatus } from './playback.js';

/**
 * The one API between main and renderer. Both transports (Electron IPC and the web host's HTTP/WebSocket)
 * are generated from these two tables, so adding a call is one edit here and one handler in src-main/app/.
 *
 * Important: inputs are validated by main on every call; outputs are validated in tests.
 */
export const calls = {
  'app.info': {
    input: z.object({}),
    output: z.object({
      version: z.string(),
      host: z.enum(['electron', 'web']),
      /** Shown by the Electron host's "Add folder" dialog; the web host asks for a typed path. */
      canPickFolders: z.boolean(),
    }),
  },
  /** The renderer notes that a feature was used; main records `ui.feature_used` if the user allowed it. */
  'app.noteFeature': { input: z.object({ feature: UiFeature }), output: z.object({}) },
  /** The folders, how many files could not be read, and whether a damaged index was rebuilt. */
  'library.status': { input: z.object({}), output: LibraryStatus },
  /** Home's shelves: Continue watching, Up next, Recently added. */
  'library.home': { input: z.object({}), output: HomeShelves },
  /** The files that could not be read, with the reason, a page at a time. */
  'library.unparseable': { input: UnparseableRequest, output: UnparseablePage },
  'library.setWatched': { input: SetWatchedRequest, output: z.object({ changed: z.number().int().nonnegative() }) },
  /** One page of a section, sorted and filtered; pass `next` back as `after` for the following page. */
  'library.page': { input: LibraryPageRequest, output: LibraryPage },
  /** How many movies, shows, albums… there are, and what each movie filter leaves, without paging. */
  'library.counts': { input: z.object({}), output: LibraryCounts },
  /** An item (movie, episode, track) with its file facts, or a show, album or artist with what it holds. */
  'library.detail': { input: DetailRequest, output: LibraryDetail },
  'library.addFolder': {
    input: z.object({ path: z.string().min(1).max(4096), kind: FolderKind }),
    output: Folder,
  },
  'library.pickFolder': {
    input: z.object({ kind: FolderKind }),
    output: Folder.nullable(),
  },
  'library.removeFolder': { input: z.object({ folderId: ItemId }), output: z.object({ removedItems: z.number().int() }) },
  'library.scan': { input: z.object({ folderId: ItemId.optional() }), output: ScanSummary },
  'library.cancelScan': { input: z.object({}), output: z.object({}) },
  'library.search': {
    input: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(PAGE_MAX).default(50) }),
    output: z.object({ hits: z.array(SearchHit).max(PAGE_MAX) }),
  },
  /** Decides direct play, remux or transcode from the renderer's real capabilities, and starts a session. */
  'playback.open': { input: OpenPlayback, output: PlaybackSource },
  /** The session's transcoder: state, speed, and what went wrong. */
  'playback.status': { input: z.object({ sessionId: z.string().uuid() }), output: TranscodeStatus },
  /** Ends a session: its ffmpeg is stopped and its temporary segments deleted. */
  'playback.stop': { input: z.object({ sessionId: z.string().uuid() }), output: z.object({}) },
  'playback.reportStarted': { input: z.object({ sessionId: z.string().uuid() }), output: z.object({}) },
  /**
   * Every few seconds while playing, and on pause, end and close: the position (saved as the resume point;
   * watched at ≥ 90 %) and the seconds actually played since the last report (for "Your stats").
   */
  'playback.reportProgress': {
    input: z.object({
      sessionId: z.string().uuid(),
      positionSec: z.number().nonnegative().max(1_000_000),
      playedSec: z.number().nonnegative().max(3600),
    }),
    output: z.object({}),
  },
  'playback.reportFailed': {
    input: z.object({ sessionId: z.string().uuid(), error: z.enum(['decode', 'network', 'unsupported', 'aborted', 'unknown']) }),
    output: z.object({}),
  },
  /** The parts of the privacy screen asked for, or every part; the next batch is encoded only when asked for. */
  'privacy.snapshot': { input: z.object({ parts: z.array(TelemetryPart).min(1).max(TelemetryPart.options.length).optional() }), output: TelemetryParts },
  'privacy.catalog': { input: z.object({}), output: Catalog },
  'privacy.markSeen': { input: z.object({}), output: z.object({}) },
  'privacy.setMaster': { input: z.object({ on: z.boolean() }), output: z.object({ purged: z.number().int() }) },
  'privacy.setCategory': {
    input: z.object({ category: Category, on: z.boolean() }),
    output: z.object({ purged: z.number().int() }),
  },
  'privacy.deleteEvents': {
    input: z.object({ ids: z.array(z.string().max(64)).min(1).max(10_000) }),
    output: z.object({ deleted: z.number().int() }),
  },
  'privacy.setHold': { input: z.object({ on: z.boolean() }), output: z.object({}) },
  /** The per-purpose network toggle: off means the network module refuses every request of that purpose. */
  'privacy.setNetworkPurpose': { input: z.object({ purpose: NetworkPurpose, allowed: z.boolean() }), output: z.object({}) },
  'privacy.sendNow': { input: z.object({}), output: SendResult },
  'privacy.verifyLedger': { input: z.object({}), output: ChainVerdict },
  'privacy.exportLedger': { input: z.object({}), output: z.object({ json: z.string() }) },
  'settings.get': { input: z.object({}), output: Settings },
  /** Saves the keys given (checked like the whole schema) and returns every setting. */
  'settings.update': { input: SettingsPatch, output: Settings },
  /** "Your stats": the user's own local history, never sent. */
  'stats.get': { input: z.object({}), output: LocalStats },
} as const;

/** Events main pushes to the renderer. Names follow VS Code's `onDidX`. */
export const events = {
  /** What changed in the index, so a window refetches only what it shows. */
  onDidChangeLibrary: LibraryChange,
  /** Every setting, after any window changed one. */
  onDidChangeSettings: Settings,
  onDidChangeScanProgress: ScanProgress,
  /** Sent at most a few times a second; says which parts changed, so the renderer refetches only those. */
  onDidChangeTelemetry: TelemetryChange,
  /** A transcode session's state or speed changed (at most about once a second per session). */
  onDidChangeTranscode: TranscodeStatus,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<M extends CallName> = z.input<Calls[M]['input']>;
export type CallOutput<M extends CallName> = z.output<Calls[M]['output']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}

/** The typed API as main implements it and the renderer sees it. */
export type Api = { [M in CallName]: (input: CallInput<M>) => Promise<CallOutput<M>> };

/** A reply crosses the wire as data, never as a thrown exception (Signal's envelope). */
export const ErrorCode = z.enum(['bad-request', 'not-found', 'unauthorized', 'forbidden', 'conflict', 'internal']);
export type ErrorCode = z.infer<typeof ErrorCode>;
export const WireError = z.object({ code: ErrorCode, message: z.string() });
export type WireError = z.infer<typeof WireError>;
export const Reply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: WireError }),
]);
export type Reply = z.infer<typeof Reply>;

/** WebSocket frames. */
export const ClientFrame = z.object({ id: z.number().int().nonnegative(), method: z.string().max(64), input: z.unknown() });
export type ClientFrame = z.infer<typeof ClientFrame>;
export type ServerFrame =
  | { type: 'reply'; id: number; reply: Reply }
  | { type: 'event'; event: EventName; payload: unknown };
