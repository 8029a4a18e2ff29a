import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, type AudioTrack, type OpenPlayback, type PlaybackSource, type SubtitleTrack, type TranscodeStatus } from '../contract/index.js';
import type { TimerHandle } from '../ports.js';
import { IMAGE_FORMAT_NAME, codecLabel, decide, withVideoTranscoded, type Decision } from './decide.js';
import { HlsSession, type StreamFile } from './hls-session.js';
import { remuxPlanner } from './keyframes.js';
import { likelyRun, sameRun, type HlsRun } from './likely-run.js';
import { baseLanguage, languageName } from './languages.js';
import { realFile, type PlayableFile, type ResolveItem } from './media.js';
import { probeStreams, ProbeError, type SourceStreams } from './probe.js';
import { convertToWebVtt, findExternalSubtitles, subtitleFormat, SubtitleError, TEXT_SUBTITLE_CODECS } from './subtitles.js';
import type { Tools } from './tools.js';
import { isConcatList, measureParts, prepareInput } from './input.js';

export type Record = (type: string, rawFields: { [field: string]: unknown }) => void;
export type PlaybackError = 'decode' | 'network' | 'unsupported' | 'aborted' | 'unknown';
export type { StreamFile } from './hls-session.js';

/** How a host addresses a session's streams: `/media/hls/<id>/<file>` or `media://hls/<id>/<file>`. */
export interface PlaybackUrls {
  media(itemId: string): string;
  stream(kind: 'hls' | 'subs', sessionId: string, file: string): string;
}

export interface PlaybackOptions {
  resolve: ResolveItem;
  record: Record;
  urls: PlaybackUrls;
  /** `<dataDir>/cache/transcode`: emptied on start, one folder per session. */
  cacheDir: string;
  tools: Tools;
  /** Pushes a transcode session's status to the renderer. */
  emit: (status: TranscodeStatus) => void;
  /** HLS sessions at once; opening one more stops the oldest. */
  maxTranscodes?: number;
  /** ffmpeg is stopped after this long without a request (the session can restart it). */
  idleMs?: number;
  /** A session nobody asked anything of for this long is ended and its files deleted. */
  expireMs?: number;
  /** A segment request waits at most this long for the encoder. */
  waitLimitMs?: number;
}

export interface PlaybackService {
  open(input: OpenPlayback): Promise<PlaybackSource>;
  status(sessionId: string): TranscodeStatus;
  stop(sessionId: string): Promise<void>;
  reportStarted(sessionId: string): void;
  reportFailed(sessionId: string, error: PlaybackError): void;
  /** What a live session plays and how, for the composition root's resume and history bookkeeping. */
  info(sessionId: string): { itemId: string; kind: PlayableFile['kind']; mode: Decision['mode'] } | null;
  /** `index.m3u8`, `init.mp4` or `<n>.m4s` of an HLS session. */
  hls(sessionId: string, file: string): Promise<StreamFile>;
  /** `<n>.vtt`: subtitle track `n` of a session as WebVTT. */
  subtitle(sessionId: string, file: string): Promise<StreamFile>;
  /** Number of sessions with a live transcode (tests). */
  readonly transcodes: number;
  close(): Promise<void>;
}

type SubtitleSource = { kind: 'external'; path: string } | { kind: 'embedded'; order: number } | { kind: 'image'; order: number };

interface Session {
  id: string;
  item: PlayableFile;
  file: string;
  decision: Decision;
  hls: HlsSession | null;
  subtitles: SubtitleSource[];
  vtt: Map<number, Promise<StreamFile>>;
  dir: string;
  started: boolean;
  idleTimer: TimerHandle | null;
  expireTimer: TimerHandle | null;
  lastEmit: number;
  lastState: string | null;
}

const MAX_SESSIONS = 64;
export const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Playback sessions: the decision (direct, remux, transcode) from the renderer's capabilities, HLS
 * sessions with their limits and idle timers, subtitles and audio tracks. Telemetry is recorded here from
 * main's own knowledge of the file: the renderer only says *that* playback started, never what it was.
 */
export function openPlayback(o: PlaybackOptions): PlaybackService {
  const sessions = new Map<string, Session>();
  const maxTranscodes = o.maxTranscodes ?? 2;
  const idleMs = o.idleMs ?? 120_000;
  const expireMs = o.expireMs ?? 3_600_000;
  const clock = o.tools.clock;
  // Segments of a previous run are never reused: ids are random and the files are only a cache.
  fs.rmSync(o.cacheDir, { recursive: true, force: true });
  fs.mkdirSync(o.cacheDir, { recursive: true });

  function session(sessionId: string): Session {
    const s = sessions.get(sessionId);
    if (!s) throw new AppError('not-found', 'This playback session has ended.');
    return s;
  }

  function statusOf(s: Session): TranscodeStatus {
    if (!s.hls) return { sessionId: s.id, state: 'direct', speed: null, message: null };
    return { sessionId: s.id, state: s.hls.state, speed: s.hls.speed, message: s.hls.message };
  }

  function touch(s: Session): void {
    s.idleTimer?.cancel();
    s.expireTimer?.cancel();
    s.idleTimer = s.hls ? clock.setTimeout(() => s.hls?.idle(), idleMs) : null;
    s.expireTimer = clock.setTimeout(() => void end(s), expireMs);
  }

  async function end(s: Session): Promise<void> {
    if (sessions.get(s.id) !== s) return;
    sessions.delete(s.id);
    s.idleTimer?.cancel();
    s.expireTimer?.cancel();
    const speed = s.hls?.averageSpeed() ?? null;
    if (speed !== null && s.decision.video === 'transcode') o.record('playback.transcode_speed', { speed, hardwareClass: 'software' });
    await s.hls?.stop();
    await fs.promises.rm(s.dir, { recursive: true, force: true, maxRetries: 3 });
  }

  function onStatus(s: Session): void {
    // Speed reports come twice a second; the panel needs at most one a second. A change of state always
    // goes out at once, so the player never misses "running" or an error.
    const now = clock.now();
    const state = s.hls?.state ?? null;
    if (state === s.lastState && now - s.lastEmit < 1000) return;
    s.lastEmit = now;
    s.lastState = state;
    if (sessions.has(s.id)) o.emit(statusOf(s));
  }

  async function evict(): Promise<void> {
    const stops: Promise<void>[] = [];
    // Oldest first: a Map iterates in insertion order.
    const live = [...sessions.values()].filter((s) => s.hls);
    for (const s of live.slice(0, Math.max(0, live.length - maxTranscodes + 1))) stops.push(end(s));
    const all = [...sessions.values()];
    for (const s of all.slice(0, Math.max(0, all.length - MAX_SESSIONS + 1))) stops.push(end(s));
    await Promise.all(stops);
  }

  return {
    async open(input) {
      const item = o.resolve(input.itemId);
      if (!item) throw new AppError('not-found', 'This item is no longer in the library.');
      const real = realFile(item);
      if (!real) throw new AppError('not-found', 'This item’s file is missing or has moved outside its library folder.');
      const fileName = path.basename(real.path);
      const id = randomUUID();
      const dir = path.join(o.cacheDir, id);
      // The session is looked up by the status callback of its HLS stream, which may start before it exists.
      let made: Session | null = null;
      // A movie in parts is read through a concat list of its (re-checked) parts: one stream, one timeline.
      const source = prepareInput(item, real.path, dir);
      if (!source) throw new AppError('not-found', 'A part of this movie is missing or has moved outside its library folder.');
      // Each part's length goes into the list first, so that a start or a seek in a later part can seek.
      if (isConcatList(source) && !(await measureParts(o.tools, source))) {
        throw new AppError('conflict', `A part of “${fileName}” could not be read, so the movie cannot be joined for playback.`);
      }
      const hlsFor = (run: HlsRun): HlsSession => new HlsSession({ ...run, id, dir: path.join(dir, 'hls'), input: source, fileName, tools: o.tools, waitLimitMs: o.waitLimitMs ?? 30_000, onStatus: () => made && onStatus(made) });
      // ffprobe (streams, languages, subtitles, chapters) runs while ffmpeg already encodes what the library's
      // facts say it will most likely have to: the first segment is not held up by the probe.
      const probing = probeStreams(o.tools, real.path, fileName);
      void probing.catch(() => undefined);
      // Copied video is cut only at keyframes the playlist names, found through the file's index first.
      const planRemux = remuxPlanner(o.tools, source);
      const guess = likelyRun(item, input);
      const guessPlan = guess?.video === 'copy' ? await planRemux(guess.durationSec) : null;
      let early: { run: HlsRun; hls: HlsSession } | null = null;
      if (guess && guessPlan?.ok !== false) {
        await evict();
        const run = { ...guess, remuxStarts: guessPlan?.starts ?? null };
        early = { run, hls: hlsFor(run) };
      }
      let streams: SourceStreams;
      try {
        streams = await probing;
      } catch (err) {
        await early?.hls.stop();
        if (err instanceof ProbeError) throw new AppError('conflict', err.message);
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('internal', 'ffprobe is not installed, so Glasswing cannot read this file.');
        throw err;
      }

      const preferred = baseLanguage(input.language);
      const audioDefault = streams.audio.find((a) => a.isDefault) ?? streams.audio[0] ?? null;
      const byLanguage = preferred ? streams.audio.filter((a) => baseLanguage(a.language) === preferred) : [];
      const chosenAudio =
        (input.audioTrack !== undefined ? streams.audio[input.audioTrack] : undefined) ??
        byLanguage.find((a) => a.isDefault) ??
        byLanguage[0] ??
        audioDefault;

      // Subtitles: external files first, then embedded streams, in a stable order.
      const sources: SubtitleSource[] = [];
      const tracks: Omit<SubtitleTrack, 'url' | 'default' | 'burned'>[] = [];
      for (const ext of findExternalSubtitles(real.path, item.folderRoot)) {
        const name = languageName(ext.language) ?? 'Unknown language';
        const bits = [ext.forced ? 'forced' : null, ext.note, `external ${ext.format.toUpperCase()}`].filter(Boolean);
        tracks.push({ index: tracks.length, label: `${name} (${bits.join(', ')})`, language: ext.language, forced: ext.forced, origin: 'external', format: ext.format });
        sources.push({ kind: 'external', path: ext.path });
      }
      for (const s of streams.subtitles) {
        const text = TEXT_SUBTITLE_CODECS.has(s.codec);
        const format = subtitleFormat(s.codec);
        const name = languageName(s.language) ?? 'Unknown language';
        const bits = [s.forced ? 'forced' : null, s.title && !/forced/i.test(s.title) ? s.title : null, text ? null : `${IMAGE_FORMAT_NAME[format] ?? 'picture'} pictures`].filter(Boolean);
        tracks.push({ index: tracks.length, label: bits.length ? `${name} (${bits.join(', ')})` : name, language: s.language, forced: s.forced, origin: 'embedded', format });
        sources.push(text ? { kind: 'embedded', order: s.order } : { kind: 'image', order: s.order });
      }
      const burn = input.burnSubtitle !== undefined ? sources[input.burnSubtitle] : undefined;
      if (input.burnSubtitle !== undefined && burn?.kind !== 'image') throw new AppError('bad-request', 'Only image subtitles are burned in; text subtitles are shown by the player.');

      let decision = decide(
        {
          container: item.container,
          videoCodec: streams.video?.codec ?? null,
          audioCodec: chosenAudio?.codec ?? null,
          audioChannels: chosenAudio?.channels ?? null,
          audioNotDefault: chosenAudio !== null && audioDefault !== null && chosenAudio !== audioDefault,
          burnSubtitle: burn?.kind === 'image' ? (tracks[input.burnSubtitle ?? 0]?.format ?? 'image') : null,
          parts: item.parts?.length ?? 1,
        },
        input.capabilities,
      );
      // A guess that used the library's duration keeps it when ffprobe agrees to within a frame or so.
      // ffprobe read only the first part of a movie in parts; the library's length is their sum.
      const probed = item.parts ? item.durationSec : (streams.durationSec ?? item.durationSec);
      const durationSec = early && probed !== null && Math.abs(probed - early.run.durationSec) < 0.05 ? early.run.durationSec : probed;
      if (decision.mode !== 'direct' && !durationSec) {
        await early?.hls.stop();
        throw new AppError('conflict', `“${fileName}” has no known length, so it cannot be converted for playback.`);
      }

      let remuxStarts: number[] | null = null;
      if (decision.mode !== 'direct' && decision.video === 'copy') {
        const plan = await planRemux(durationSec ?? 0);
        if (plan.ok) remuxStarts = plan.starts;
        else decision = withVideoTranscoded(decision, streams.video?.codec ?? null, plan.why);
      }

      const startSec = Math.min(input.startSec ?? 0, Math.max(0, (durationSec ?? 0) - 1));
      const run: HlsRun | null =
        decision.mode === 'direct'
          ? null
          : {
              durationSec: durationSec ?? 0,
              video: decision.video,
              audio: decision.audio,
              audioOrder: chosenAudio?.order ?? null,
              burnSubtitleOrder: burn?.kind === 'image' ? burn.order : null,
              videoCodec: streams.video?.codec ?? null,
              audioChannels: decision.downmix ? input.capabilities.maxAudioChannels : null,
              startSec,
              remuxStarts,
            };
      let hls: HlsSession | null = null;
      if (early && run && sameRun(early.run, run)) hls = early.hls;
      else {
        // The guess was wrong (another audio track, a downmix, a different length…): start over, rightly.
        await early?.hls.stop();
        await evict();
        if (run) hls = hlsFor(run);
      }
      const s: Session = { id, item, file: real.path, decision, hls, subtitles: sources, vtt: new Map(), dir, started: false, idleTimer: null, expireTimer: null, lastEmit: 0, lastState: null };
      made = s;
      sessions.set(id, s);
      touch(s);

      // A forced track in the language being heard shows by itself; with audio in a language other than
      // the user's, a full track in the user's language does.
      const heard = baseLanguage(chosenAudio?.language) ?? preferred;
      const forcedPick = tracks.find((t) => t.forced && t.format !== 'pgs' && sources[t.index]?.kind !== 'image' && baseLanguage(t.language) === heard);
      const foreignPick =
        preferred && heard && heard !== preferred ? tracks.find((t) => !t.forced && sources[t.index]?.kind !== 'image' && baseLanguage(t.language) === preferred) : undefined;
      const defaultIndex = (forcedPick ?? foreignPick)?.index ?? null;

      const audioTracks: AudioTrack[] = streams.audio.map((a, index) => ({
        index,
        label: [languageName(a.language) ?? `Track ${index + 1}`, a.title, `${codecLabel(a.codec)}${a.channels ? ` ${channelLabel(a.channels)}` : ''}`].filter(Boolean).join(' · '),
        language: a.language,
        codec: a.codec,
        channels: a.channels,
        selected: a === chosenAudio,
      }));

      return {
        sessionId: id,
        itemId: item.id,
        kind: item.kind,
        title: item.title,
        url: s.hls ? o.urls.stream('hls', id, 'index.m3u8') : o.urls.media(item.id),
        mime: s.hls ? 'application/vnd.apple.mpegurl' : item.mime,
        decision: decision.mode,
        reason: decision.reason,
        video: decision.video,
        audio: decision.audio,
        durationSec,
        startSec,
        subtitles: tracks.map((t) => ({
          ...t,
          url: sources[t.index]?.kind === 'image' ? null : o.urls.stream('subs', id, `${t.index}.vtt`),
          default: t.index === defaultIndex,
          burned: t.index === input.burnSubtitle,
        })),
        audioTracks,
        chapters: streams.chapters,
      };
    },

    status(sessionId) {
      return statusOf(session(sessionId));
    },

    async stop(sessionId) {
      const s = sessions.get(sessionId);
      if (s) await end(s);
    },

    reportStarted(sessionId) {
      const s = session(sessionId);
      if (s.started) return;
      s.started = true;
      const { item } = s;
      o.record('playback.started', {
        kind: item.kind,
        container: item.container,
        videoCodec: item.videoCodec ?? 'none',
        audioCodec: item.audioCodec ?? 'none',
        resolution: item.height,
        duration: item.durationSec,
        mode: s.decision.mode,
      });
    },

    info(sessionId) {
      const s = sessions.get(sessionId);
      return s ? { itemId: s.item.id, kind: s.item.kind, mode: s.decision.mode } : null;
    },

    reportFailed(sessionId, error) {
      session(sessionId);
      o.record('playback.failed', { errorClass: error });
    },

    async hls(sessionId, file) {
      const s = sessions.get(sessionId);
      if (!s?.hls) return { status: 404, message: 'This playback session has ended.' };
      touch(s);
      if (file === 'index.m3u8') return { status: 200, contentType: 'application/vnd.apple.mpegurl', text: s.hls.playlist() };
      return s.hls.file(file);
    },

    async subtitle(sessionId, file) {
      const s = sessions.get(sessionId);
      const m = /^(\d{1,2})\.vtt$/.exec(file);
      const n = m ? Number(m[1]) : -1;
      const source = s?.subtitles[n];
      if (!s || !source || source.kind === 'image') return { status: 404, message: 'No such subtitle track.' };
      touch(s);
      let pending = s.vtt.get(n);
      if (!pending) {
        const out = path.join(s.dir, 'subs', `${n}.vtt`);
        const fileName = path.basename(source.kind === 'external' ? source.path : s.file);
        pending = convertToWebVtt(o.tools, source.kind === 'external' ? source.path : s.file, source.kind === 'external' ? null : source.order, out, fileName).then(
          (): StreamFile => ({ status: 200, contentType: 'text/vtt; charset=utf-8', path: out }),
          (err: unknown): StreamFile => ({ status: 500, message: err instanceof SubtitleError ? err.message : 'The subtitles could not be converted.' }),
        );
        s.vtt.set(n, pending);
      }
      return pending;
    },

    get transcodes() {
      return [...sessions.values()].filter((s) => s.hls?.encoding).length;
    },

    async close() {
      await Promise.all([...sessions.values()].map((s) => end(s)));
    },
  };
}

function channelLabel(channels: number): string {
  return channels === 1 ? 'mono' : channels === 2 ? 'stereo' : channels === 6 ? '5.1' : channels === 8 ? '7.1' : `${channels} ch`;
}
