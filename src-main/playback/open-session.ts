import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError, type OpenPlayback, type PlaybackSource, type PlayDecision } from '../contract/index.js';
import { decide, withVideoTranscoded, type Decision } from './decide.js';
import { PLAYLIST_MIME, PLAYLIST_NAME } from './hls-plan.js';
import { likelyRun, runFor, sameRun, startAt, type HlsRun } from './hls-run.js';
import { HlsSession } from './hls-session.js';
import { isConcatList, measureParts, prepareInput } from './input.js';
import { remuxPlanner, type RemuxPlan } from './keyframes.js';
import { realFile, type PlayableFile, type ResolveItem } from './media.js';
import { probeStreams, ProbeError, type SourceStreams } from './probe.js';
import type { SessionRegistry } from './session-registry.js';
import { SubtitleFiles } from './subtitle-files.js';
import type { Tools } from './tools.js';
import { audioTracks, burnChoice, chooseAudio, subtitleOptions, subtitleTracks, type AudioChoice, type Burn } from './tracks.js';

/** How a host addresses a session's streams: `/media/hls/<id>/<file>` or `media://hls/<id>/<file>`. */
export interface PlaybackUrls {
  media(itemId: string): string;
  stream(kind: 'hls' | 'subs', sessionId: string, file: string): string;
}

/** A live playback session: what it plays, how, and the streams it serves. */
export interface Session {
  readonly id: string;
  readonly item: PlayableFile;
  readonly mode: PlayDecision;
  /** Null for direct play. */
  readonly hls: HlsSession | null;
  readonly subtitles: SubtitleFiles;
  /** Its folder in the transcode cache (concat list, HLS segments, WebVTT files). */
  readonly dir: string;
  /** `playback.started` was recorded: once a session. */
  started: boolean;
}

/** What opening a session needs of the service around it. */
export interface OpenContext {
  resolve: ResolveItem;
  tools: Tools;
  urls: PlaybackUrls;
  cacheDir: string;
  waitLimitMs: number;
  registry: SessionRegistry<Session>;
  /** The tallest picture a transcode may make now (Settings); null keeps the source's. */
  maxHeight: () => number | null;
}

/** The item's file as ffmpeg will read it. */
interface SourceFile {
  item: PlayableFile;
  /** The item's (first) file after realpath. */
  file: string;
  /** Its base name, for messages (never its path). */
  fileName: string;
  /** What ffmpeg reads: `file`, or the concat list of a movie's parts. */
  input: string;
}

/** How the probed file plays: the decision, its length and start, and its HLS run (null for direct play). */
interface StreamPlan {
  decision: Decision;
  durationSec: number | null;
  startSec: number;
  run: HlsRun | null;
}

/** An HLS stream started from the library's facts before the probe answered, and the run it was started for. */
interface Early {
  run: HlsRun;
  hls: HlsSession;
}

/**
 * Opens a session: resolve the item → probe the file (while ffmpeg already starts on the library's facts) →
 * choose its tracks → decide direct, remux or transcode → keep the early stream or start the right one →
 * register the session.
 */
export async function openSession(ctx: OpenContext, request: OpenPlayback): Promise<PlaybackSource> {
  const id = randomUUID();
  const dir = path.join(ctx.cacheDir, id);
  const source = await resolveSource(ctx, request.itemId, dir);
  // Read once: every runner of the session, early or not, encodes the same size, so its segments fit together.
  const maxHeight = ctx.maxHeight();
  const newHls = (run: HlsRun) =>
    new HlsSession({ ...run, dir: path.join(dir, 'hls'), input: source.input, fileName: source.fileName, maxHeight, tools: ctx.tools, waitLimitMs: ctx.waitLimitMs, onStatus: ctx.registry.statusListener(id) });
  // ffprobe (streams, languages, subtitles, chapters) runs while ffmpeg already encodes what the library's
  // facts say it will most likely have to: the first segment is not held up by the probe.
  const probing = probe(ctx.tools, source);
  // Copied video is cut only at keyframes the playlist names, found through the file's index first.
  const planRemux = remuxPlanner(ctx.tools, source.input);
  const early = await startLikely(ctx, request, source.item, planRemux, newHls);
  const { streams, audio, subtitles, plan, hls } = await stoppingOnFailure(early, async () => {
    const streams = await probing;
    const audio = chooseAudio(streams.audio, request);
    const subtitles = subtitleOptions(source.file, source.item.folderRoot, streams.subtitles);
    const burn = burnChoice(subtitles, request.burnSubtitle);
    const plan = await planStream({ source, streams, audio, burn, request, guessedSec: early?.run.durationSec ?? null, planRemux });
    return { streams, audio, subtitles, plan, hls: await keepOrRestart(ctx, early, plan.run, newHls) };
  });
  const subtitleFiles = new SubtitleFiles(ctx.tools, subtitles.map((o) => o.source), source.file, path.join(dir, 'subs'));
  const session: Session = { id, item: source.item, mode: plan.decision.mode, hls, subtitles: subtitleFiles, dir, started: false };
  ctx.registry.add(session);
  return {
    sessionId: id,
    itemId: source.item.id,
    kind: source.item.kind,
    title: source.item.title,
    url: hls ? ctx.urls.stream('hls', id, PLAYLIST_NAME) : ctx.urls.media(source.item.id),
    mime: hls ? PLAYLIST_MIME : source.item.mime,
    decision: plan.decision.mode,
    reason: plan.decision.reason,
    video: plan.decision.video,
    audio: plan.decision.audio,
    durationSec: plan.durationSec,
    startSec: plan.startSec,
    subtitles: subtitleTracks(subtitles, { audioLanguage: audio.stream?.language ?? null, request, url: (file) => ctx.urls.stream('subs', id, file) }),
    audioTracks: audioTracks(streams.audio, audio.stream),
    chapters: streams.chapters,
  };
}

/**
 * The item's file, re-checked to lie inside its library folder; for a movie in parts, a concat list of its
 * (re-checked) parts, read as one stream with one timeline, with each part's length in it so that a start
 * or a seek in a later part can seek.
 */
async function resolveSource(ctx: OpenContext, itemId: string, dir: string): Promise<SourceFile> {
  const item = ctx.resolve(itemId);
  if (!item) throw new AppError('not-found', 'This item is no longer in the library.');
  const real = realFile(item);
  if (!real) throw new AppError('not-found', 'This item’s file is missing or has moved outside its library folder.');
  const fileName = path.basename(real.path);
  const input = prepareInput(item, real.path, dir);
  if (!input) throw new AppError('not-found', 'A part of this movie is missing or has moved outside its library folder.');
  if (isConcatList(input) && !(await measureParts(ctx.tools, input))) {
    throw new AppError('conflict', `A part of “${fileName}” could not be read, so the movie cannot be joined for playback.`);
  }
  return { item, file: real.path, fileName, input };
}

/** ffprobe's streams of the file, its failures in words; started at once, awaited later. */
function probe(tools: Tools, source: SourceFile): Promise<SourceStreams> {
  const probing = probeStreams(tools, source.file, source.fileName).catch((err: unknown) => {
    if (err instanceof ProbeError) throw new AppError('conflict', err.message);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('internal', 'ffprobe is not installed, so Glasswing cannot read this file.');
    throw err;
  });
  // Awaited only after the early start: a failure meanwhile is not unhandled.
  void probing.catch(() => undefined);
  return probing;
}

/** The stream the library's facts say the open will most likely need, started now (null without a guess). */
async function startLikely(
  ctx: OpenContext,
  request: OpenPlayback,
  item: PlayableFile,
  planRemux: (durationSec: number) => Promise<RemuxPlan>,
  newHls: (run: HlsRun) => HlsSession,
): Promise<Early | null> {
  const guess = likelyRun(item, request);
  if (!guess) return null;
  const remux = guess.video === 'copy' ? await planRemux(guess.durationSec) : null;
  if (remux?.ok === false) return null;
  const run = { ...guess, remuxStarts: remux?.starts ?? null };
  await ctx.registry.makeRoom();
  return { run, hls: newHls(run) };
}

/** `steps`, after which the early stream is kept or stopped; when they fail, it stops before the error goes on. */
async function stoppingOnFailure<T>(early: Early | null, steps: () => Promise<T>): Promise<T> {
  try {
    return await steps();
  } catch (err) {
    await early?.hls.stop();
    throw err;
  }
}

/** Direct, remux or transcode for the probed streams, the stream's length and start, and the run to play it. */
async function planStream(p: {
  source: SourceFile;
  streams: SourceStreams;
  audio: AudioChoice;
  burn: Burn | null;
  request: OpenPlayback;
  /** The length the early stream was started with, if there is one. */
  guessedSec: number | null;
  planRemux: (durationSec: number) => Promise<RemuxPlan>;
}): Promise<StreamPlan> {
  const { item, fileName } = p.source;
  const videoCodec = p.streams.video?.codec ?? null;
  const facts = {
    container: item.container,
    videoCodec,
    audioCodec: p.audio.stream?.codec ?? null,
    audioChannels: p.audio.stream?.channels ?? null,
    audioNotDefault: p.audio.notDefault,
    burnSubtitle: p.burn?.format ?? null,
    parts: item.parts?.length ?? 1,
  };
  let decision = decide(facts, p.request.capabilities);
  const durationSec = streamLength(item, p.streams, p.guessedSec);
  if (decision.mode === 'direct') return { decision, durationSec, startSec: startAt(p.request.startSec, durationSec ?? 0), run: null };
  if (!durationSec) throw new AppError('conflict', `“${fileName}” has no known length, so it cannot be converted for playback.`);
  let remuxStarts: number[] | null = null;
  if (decision.video === 'copy') {
    const remux = await p.planRemux(durationSec);
    if (remux.ok) remuxStarts = remux.starts;
    else decision = withVideoTranscoded(decision, videoCodec, remux.why);
  }
  const source = { durationSec, videoCodec, audioOrder: p.audio.stream?.order ?? null, burnSubtitleOrder: p.burn?.order ?? null };
  const run = runFor(decision, source, p.request, remuxStarts);
  return { decision, durationSec, startSec: run.startSec, run };
}

/**
 * The stream's length. ffprobe read only the first part of a movie in parts; the library's length is their
 * sum. A guess that used the library's duration keeps it when ffprobe agrees to within a frame or so.
 */
function streamLength(item: PlayableFile, streams: SourceStreams, guessedSec: number | null): number | null {
  const probed = item.parts ? item.durationSec : (streams.durationSec ?? item.durationSec);
  return guessedSec !== null && probed !== null && Math.abs(probed - guessedSec) < 0.05 ? guessedSec : probed;
}

/** The early stream when the probe confirms its run; else it stops, and the right stream (if any) starts. */
async function keepOrRestart(ctx: OpenContext, early: Early | null, run: HlsRun | null, newHls: (run: HlsRun) => HlsSession): Promise<HlsSession | null> {
  if (early && run && sameRun(early.run, run)) return early.hls;
  // The guess was wrong (another audio track, a downmix, a different length…): start over, rightly.
  await early?.hls.stop();
  await ctx.registry.makeRoom();
  return run ? newHls(run) : null;
}
