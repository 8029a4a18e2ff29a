import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capabilities, TranscodeStatus } from '../contract/index.js';
import { ManualClock } from '../ports.js';
import { HlsSession } from './hls-session.js';
import type { StreamFile } from './stream-file.js';
import type { PlayableFile } from './media.js';
import { openPlayback, type PlaybackService } from './sessions.js';
import {
  CHROMIUM_CAPS,
  makeH264Mp4,
  makeHevcMkv,
  makeMultiTrackMkv,
  makeVp9Webm,
  probeJson,
  writeAss,
  writeCorrupt,
  writeSrt,
} from './test-support/fixtures.js';
import type { Spawn, Tools } from './tools.js';

let tmp: string;
let lib: string;
const items = new Map<string, PlayableFile>();
const caps = CHROMIUM_CAPS as unknown as Capabilities;

function addItem(id: string, file: string, container: string, mime = 'video/x-matroska'): string {
  const itemId = id.padEnd(22, 'x');
  items.set(itemId, { id: itemId, kind: 'movie', title: id, path: file, folderRoot: lib, mime, durationSec: null, container, videoCodec: null, audioCodec: null, width: null, height: null });
  return itemId;
}

function service(over: Partial<Parameters<typeof openPlayback>[0]> = {}) {
  const clock = new ManualClock();
  const records: { type: string; fields: Record<string, unknown> }[] = [];
  const statuses: TranscodeStatus[] = [];
  const tools: Tools = { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe', spawn, clock };
  const svc = openPlayback({
    resolve: (id) => items.get(id) ?? null,
    record: (type, fields) => records.push({ type, fields }),
    urls: { media: (id) => `/media/${id}`, stream: (kind, sid, file) => `/media/${kind}/${sid}/${file}` },
    cacheDir: path.join(tmp, 'data', 'cache', 'transcode'),
    tools,
    emit: (s) => statuses.push(s),
    ...over,
  });
  return { svc, clock, records, statuses };
}

/** init + segment, as a player would append them, probed by ffprobe. */
function probeSegment(init: StreamFile, seg: StreamFile) {
  if (!('path' in init) || !('path' in seg)) throw new Error(`not files: ${JSON.stringify([init, seg])}`);
  const joined = path.join(tmp, `probe-${Math.random().toString(36).slice(2)}.mp4`);
  fs.writeFileSync(joined, Buffer.concat([fs.readFileSync(init.path), fs.readFileSync(seg.path)]));
  return probeJson(joined);
}

let hevc: string, h264: string, h264Mkv: string, multi: string, webm: string, corrupt: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-playback-'));
  lib = path.join(tmp, 'lib');
  hevc = addItem('hevc', makeHevcMkv(path.join(lib, 'Harbour (2001).mkv'), 24), 'matroska');
  h264 = addItem('h264', makeH264Mp4(path.join(lib, 'Night Train (1998).mp4'), 4), 'mp4', 'video/mp4');
  h264Mkv = addItem('h264mkv', makeH264Mp4(path.join(lib, 'Plain (2010).mkv'), 10), 'matroska');
  multi = addItem('multi', makeMultiTrackMkv(path.join(lib, 'Two Tongues (2020).mkv'), 6), 'matroska');
  webm = addItem('webm', makeVp9Webm(path.join(lib, 'Leaf (2019).webm'), 2), 'webm', 'video/webm');
  corrupt = addItem('corrupt', writeCorrupt(path.join(lib, 'Broken (1999).mkv')), 'matroska');
  writeSrt(path.join(lib, 'Two Tongues (2020).en.srt'), 'Hello from the SRT');
  writeAss(path.join(lib, 'Two Tongues (2020).fr.forced.ass'), 'Bonjour forcé');
  // Not beside the video's name: never offered.
  writeSrt(path.join(lib, 'Other Movie.en.srt'));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('playback sessions', () => {
  let svc: PlaybackService;
  afterAll(async () => svc?.close());

  it('plays an H.264/AAC MP4 directly and a VP9/Opus WebM directly, by id', async () => {
    ({ svc } = service());
    const mp4 = await svc.open({ itemId: h264, capabilities: caps });
    expect([mp4.decision, mp4.url, mp4.mime]).toEqual(['direct', `/media/${h264}`, 'video/mp4']);
    expect(mp4.reason).toMatch(/^Direct play: H\.264 and AAC in MP4/);
    expect(svc.status(mp4.sessionId).state).toBe('direct');
    const vp9 = await svc.open({ itemId: webm, capabilities: caps });
    expect(vp9.decision).toBe('direct');
    expect(vp9.reason).toMatch(/VP9 and Opus in WebM/);
  });

  it('transcodes HEVC into a VOD playlist whose first segment is short, playable H.264 + AAC', async () => {
    const { svc: s, records, statuses } = service();
    const src = await s.open({ itemId: hevc, capabilities: caps });
    expect(src.decision).toBe('transcode');
    expect(src.reason).toMatch(/^HEVC video is not supported by this browser → transcoding video to H\.264/);
    expect(src.url).toBe(`/media/hls/${src.sessionId}/index.m3u8`);
    expect(src.mime).toBe('application/vnd.apple.mpegurl');
    const playlist = await s.hls(src.sessionId, 'index.m3u8');
    const text = 'text' in playlist ? playlist.text : '';
    expect(text).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(text).toContain('#EXT-X-ENDLIST');
    expect(text).toContain('#EXTINF:1.000000,\n0.m4s');
    const [init, seg0] = [await s.hls(src.sessionId, 'init.mp4'), await s.hls(src.sessionId, '0.m4s')];
    const probe = probeSegment(init, seg0);
    expect(probe.streams.map((st) => st.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(Number(probe.format.duration)).toBeGreaterThan(0.8);
    expect(Number(probe.format.duration)).toBeLessThan(1.3);
    // The steady segments come after the fast start, from the same init segment.
    const seg4 = await s.hls(src.sessionId, '4.m4s');
    expect(Number(probeSegment(init, seg4).format.start_time)).toBeCloseTo(4, 0);
    // The fast runner from 0 s and the steady one after it put their pictures exactly where the playlist
    // says: ffmpeg once shifted only the runner from 0 s by the encoder's B-frame delay (80 ms).
    const videoStart = (seg: StreamFile) => Number(probeSegment(init, seg).streams.find((st) => st.codec_type === 'video')?.start_time);
    expect(videoStart(seg0)).toBeCloseTo(0, 2);
    expect(videoStart(await s.hls(src.sessionId, '1.m4s'))).toBeCloseTo(1, 2);
    expect(videoStart(seg4)).toBeCloseTo(4, 2);
    expect('path' in (await s.hls(src.sessionId, '7.m4s'))).toBe(true);
    await until(() => statuses.some((st) => st.sessionId === src.sessionId && st.speed !== null && st.speed > 0));
    await s.stop(src.sessionId);
    expect(records.some((r) => r.type === 'playback.transcode_speed' && typeof r.fields.speed === 'number' && r.fields.hardwareClass === 'software')).toBe(true);
    expect(fs.existsSync(path.join(tmp, 'data', 'cache', 'transcode', src.sessionId))).toBe(false);
    await s.close();
  });

  it('restarts ffmpeg at a far segment and produces it with the right timestamps', async () => {
    const { svc: s, statuses } = service();
    const src = await s.open({ itemId: hevc, capabilities: caps });
    await s.hls(src.sessionId, '0.m4s');
    // Segments of 1 s: segment 20 starts at 20 s.
    const far = await s.hls(src.sessionId, '20.m4s');
    const init = await s.hls(src.sessionId, 'init.mp4');
    expect(Number(probeSegment(init, far).format.start_time)).toBeCloseTo(20, 1);
    expect(fs.existsSync(path.join(tmp, 'data', 'cache', 'transcode', src.sessionId, 'hls', '15.m4s'))).toBe(false);
    expect(statuses.some((st) => st.sessionId === src.sessionId && st.state === 'running')).toBe(true);
    await s.close();
  });

  it('opens with a start time (a track change) at the segment that holds it', async () => {
    const { svc: s } = service();
    const src = await s.open({ itemId: hevc, capabilities: caps, startSec: 13 });
    expect(src.startSec).toBe(13);
    const seg = await s.hls(src.sessionId, '13.m4s');
    expect('path' in seg).toBe(true);
    expect(fs.existsSync(path.join(tmp, 'data', 'cache', 'transcode', src.sessionId, 'hls', '0.m4s'))).toBe(false);
    await s.close();
  });

  /** A spawn that logs, in order, which tool started and which exited (the keyframe lookup by its own name). */
  function loggingTools(events: string[], argvs: string[][]): Tools {
    const logged: Spawn = (command, args, options) => {
      const name = args.includes('-read_intervals') ? 'ffprobe-keyframes' : path.basename(command);
      const child = spawn(command, args, options);
      events.push(`spawn ${name}`);
      if (name === 'ffmpeg') argvs.push([...args]);
      child.once('close', () => events.push(`exit ${name}`));
      return child;
    };
    return { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe', spawn: logged, clock: new ManualClock() };
  }

  /** The same file as `id`, as a library that has scanned it knows it (duration and codecs). */
  function withFacts(id: string, facts: Partial<PlayableFile>): string {
    const item = items.get(id)!;
    const itemId = `${id.slice(0, 10)}facts`.padEnd(22, 'x');
    const durationSec = Number(probeJson(item.path).format.duration);
    items.set(itemId, { ...item, id: itemId, durationSec, ...facts });
    return itemId;
  }

  it('starts ffmpeg from the library\'s facts before ffprobe has answered, and keeps it when the probe agrees', async () => {
    const events: string[] = [];
    const argvs: string[][] = [];
    const { svc: s } = service({ tools: loggingTools(events, argvs) });
    const itemId = withFacts(hevc, { videoCodec: 'hevc', audioCodec: 'aac' });
    const src = await s.open({ itemId, capabilities: caps });
    expect(src.decision).toBe('transcode');
    expect(events.indexOf('spawn ffmpeg')).toBeGreaterThanOrEqual(0);
    expect(events.indexOf('spawn ffmpeg')).toBeLessThan(events.indexOf('exit ffprobe'));
    const [init, seg0] = [await s.hls(src.sessionId, 'init.mp4'), await s.hls(src.sessionId, '0.m4s')];
    expect(probeSegment(init, seg0).streams.map((st) => st.codec_name).sort()).toEqual(['aac', 'h264']);
    // One probe, one ffmpeg: the guess was right, nothing was started twice.
    expect(events.filter((e) => e === 'spawn ffprobe')).toHaveLength(1);
    expect(events.filter((e) => e === 'spawn ffmpeg')).toHaveLength(1);
    await s.close();
  });

  it('restarts a guessed stream that the probe contradicts (another audio track), and waits for the probe without facts', async () => {
    const events: string[] = [];
    const argvs: string[][] = [];
    const { svc: s } = service({ tools: loggingTools(events, argvs) });
    const itemId = withFacts(multi, { videoCodec: 'h264', audioCodec: 'aac' });
    const src = await s.open({ itemId, capabilities: caps, language: 'fr' });
    expect([src.decision, src.audioTracks.map((a) => a.selected)]).toEqual(['remux', [false, true]]);
    expect('path' in (await s.hls(src.sessionId, '0.m4s'))).toBe(true);
    expect(argvs).toHaveLength(2);
    expect(argvs[0]).toContain('0:a:0');
    expect(argvs[1]).toContain('0:a:1');
    // Copied video waits for its keyframes (keyframes.ts), looked up while the probe still runs.
    expect(events.indexOf('spawn ffprobe-keyframes')).toBeLessThan(events.indexOf('exit ffprobe'));
    expect(events.indexOf('spawn ffmpeg')).toBeGreaterThan(events.indexOf('exit ffprobe-keyframes'));
    expect(events.filter((e) => e === 'spawn ffprobe-keyframes')).toHaveLength(1);
    await s.close();

    // An item the library knows nothing about: the probe comes first, as before.
    events.length = 0;
    const { svc: t } = service({ tools: loggingTools(events, argvs) });
    await t.open({ itemId: hevc, capabilities: caps });
    expect(events.slice(0, 3)).toEqual(['spawn ffprobe', 'exit ffprobe', 'spawn ffmpeg']);
    await t.close();
  });

  it('encodes sessions opened after a change of the transcode quality at most that tall, keeping the aspect ratio', async () => {
    const tall = addItem('tall', makeHevcMkv(path.join(lib, 'Tall (2003).mkv'), 2, '1280x720'), 'matroska');
    const { svc: s } = service({ transcodeQuality: '1080p' });
    s.setTranscodeQuality('480p');
    const src = await s.open({ itemId: tall, capabilities: caps });
    expect(src.decision).toBe('transcode');
    const probe = probeSegment(await s.hls(src.sessionId, 'init.mp4'), await s.hls(src.sessionId, '0.m4s'));
    const picture = probe.streams.find((st) => st.codec_type === 'video');
    expect([picture?.width, picture?.height]).toEqual([854, 480]);
    await s.close();
  });

  it('remuxes H.264/AAC in MKV without re-encoding', async () => {
    const { svc: s } = service();
    const src = await s.open({ itemId: h264Mkv, capabilities: caps });
    expect([src.decision, src.video, src.audio]).toEqual(['remux', 'copy', 'copy']);
    const probe = probeSegment(await s.hls(src.sessionId, 'init.mp4'), await s.hls(src.sessionId, '0.m4s'));
    expect(probe.streams.map((st) => st.codec_name).sort()).toEqual(['aac', 'h264']);
    await s.close();
  });

  it('stops an idle ffmpeg after the idle timeout, and ends the session later, deleting its files', async () => {
    const { svc: s, clock } = service({ idleMs: 60_000, expireMs: 600_000 });
    const src = await s.open({ itemId: hevc, capabilities: caps });
    await s.hls(src.sessionId, '0.m4s');
    expect(s.transcodes).toBe(1);
    clock.advance(59_000);
    expect(s.transcodes).toBe(1);
    clock.advance(2_000);
    await until(() => s.transcodes === 0);
    expect(s.status(src.sessionId).state).toBe('stopped');
    // A later request starts it again where asked.
    expect('path' in (await s.hls(src.sessionId, '3.m4s'))).toBe(true);
    clock.advance(600_001);
    await until(() => !fs.existsSync(path.join(tmp, 'data', 'cache', 'transcode', src.sessionId)));
    expect(() => s.status(src.sessionId)).toThrow(/ended/);
    await s.close();
  });

  it('keeps at most the configured number of transcodes, stopping the oldest', async () => {
    const { svc: s } = service({ maxTranscodes: 1 });
    const a = await s.open({ itemId: hevc, capabilities: caps });
    const b = await s.open({ itemId: hevc, capabilities: caps });
    expect(() => s.status(a.sessionId)).toThrow(/ended/);
    expect(await s.hls(a.sessionId, '0.m4s')).toEqual({ status: 404, message: 'This playback session has ended.' });
    expect('path' in (await s.hls(b.sessionId, '0.m4s'))).toBe(true);
    expect(s.transcodes).toBeLessThanOrEqual(1);
    await s.close();
  });

  it('cleans temporary segments of an earlier run on start', () => {
    const stale = path.join(tmp, 'data', 'cache', 'transcode', 'left-over', 'hls');
    fs.mkdirSync(stale, { recursive: true });
    fs.writeFileSync(path.join(stale, '0.m4s'), 'x');
    service();
    expect(fs.existsSync(stale)).toBe(false);
  });

  it('turns a corrupt file into a clear error, at open and from ffmpeg, never a hang', async () => {
    const { svc: s } = service();
    await expect(s.open({ itemId: corrupt, capabilities: caps })).rejects.toThrow(/Broken \(1999\)\.mkv.*damaged or is not a media file/);

    const clock = new ManualClock();
    const statuses: string[] = [];
    const hls = new HlsSession({
      dir: path.join(tmp, 'corrupt-hls'), input: path.join(lib, 'Broken (1999).mkv'), fileName: 'Broken (1999).mkv', durationSec: 10,
      video: 'transcode', audio: 'transcode', audioOrder: 0, burnSubtitleOrder: null, videoCodec: 'hevc', audioChannels: null, startSec: 0, remuxStarts: null, maxHeight: 1080,
      tools: { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe', spawn, clock }, waitLimitMs: 30_000, onStatus: () => statuses.push(hls.state),
    });
    const out = await hls.file('0.m4s');
    expect(out.status).toBe(500);
    expect('message' in out && out.message).toMatch(/Broken \(1999\)\.mkv.*damaged or is not a media file/);
    expect('message' in out && out.message).not.toContain(lib);
    expect(statuses).toContain('failed');
    await hls.stop();
  });

  it('answers 504 when the encoder does not deliver in time', async () => {
    const clock = new ManualClock();
    // A "ffmpeg" that never writes anything.
    const hls = new HlsSession({
      dir: path.join(tmp, 'slow-hls'), input: path.join(lib, 'Harbour (2001).mkv'), fileName: 'Harbour (2001).mkv', durationSec: 10,
      video: 'transcode', audio: 'copy', audioOrder: 0, burnSubtitleOrder: null, videoCodec: 'hevc', audioChannels: null, startSec: 0, remuxStarts: null, maxHeight: 1080,
      tools: { ffmpeg: 'sleep', ffprobe: 'ffprobe', spawn: (_cmd, _args, opts) => spawn('sleep', ['30'], opts), clock }, waitLimitMs: 20_000, onStatus: () => {},
    });
    const pending = hls.file('0.m4s');
    clock.advance(20_001);
    expect(await pending).toEqual({ status: 504, message: 'The transcoder did not produce this part of the video in time.' });
    await hls.stop();
  });
});

describe('tracks', () => {
  let svc: PlaybackService;
  afterAll(async () => svc?.close());

  it('lists external and embedded subtitles and audio tracks with their languages', async () => {
    ({ svc } = service());
    const src = await svc.open({ itemId: multi, capabilities: caps, language: 'en-GB' });
    expect(src.subtitles.map((t) => [t.label, t.origin, t.format, t.forced, t.default])).toEqual([
      ['English (external SRT)', 'external', 'srt', false, false],
      ['French (forced, external ASS)', 'external', 'ass', true, false],
      ['English', 'embedded', 'srt', false, false],
    ]);
    expect(src.audioTracks.map((a) => [a.language, a.selected])).toEqual([['eng', true], ['fra', false]]);
    expect(src.audioTracks[0]?.label).toBe('English · AAC mono');
  });

  it('converts SRT, ASS and embedded subtitles to WebVTT with their cue text', async () => {
    const src = await svc.open({ itemId: multi, capabilities: caps });
    const read = async (n: number) => {
      const out = await svc.subtitle(src.sessionId, `${n}.vtt`);
      if (!('path' in out)) throw new Error(JSON.stringify(out));
      expect(out.contentType).toMatch(/^text\/vtt/);
      return fs.readFileSync(out.path, 'utf8');
    };
    const srt = await read(0);
    expect(srt.startsWith('WEBVTT')).toBe(true);
    expect(srt).toMatch(/00:00\.200 --> 00:04\.000/);
    expect(srt).toContain('Hello from the SRT');
    const ass = await read(1);
    expect(ass.startsWith('WEBVTT')).toBe(true);
    expect(ass).toContain('Bonjour forcé');
    const embedded = await read(2);
    expect(embedded).toContain('Embedded hello');
    expect(await svc.subtitle(src.sessionId, '9.vtt')).toEqual({ status: 404, message: 'No such subtitle track.' });
  });

  it('picks the audio track in the preferred language and shows the forced subtitles in it', async () => {
    const src = await svc.open({ itemId: multi, capabilities: caps, language: 'fr' });
    expect(src.audioTracks.map((a) => a.selected)).toEqual([false, true]);
    expect(src.subtitles.find((t) => t.default)?.label).toBe('French (forced, external ASS)');
  });

  it('plays a chosen second audio track of an otherwise direct file by remuxing it', async () => {
    const mp4 = path.join(lib, 'Duo (2021).mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', path.join(lib, 'Two Tongues (2020).mkv'), '-map', '0:v', '-map', '0:a', '-c', 'copy', mp4]);
    const duo = addItem('duo', mp4, 'mp4', 'video/mp4');
    expect((await svc.open({ itemId: duo, capabilities: caps })).decision).toBe('direct');
    const second = await svc.open({ itemId: duo, capabilities: caps, audioTrack: 1 });
    expect(second.decision).toBe('remux');
    expect(second.reason).toMatch(/chosen audio track is not the file’s default/);
  });
});

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
