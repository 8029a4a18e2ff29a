/**
 * Where copied video can be cut: the source keyframe at or before each point of a grid, found by seeking
 * through the container's index (MKV Cues, MP4 `stss`, each part of a movie in parts), never by reading
 * the file. A full `-show_packets` pass reads every byte: 3.5 s for the 2-hour MKV below even when cached,
 * tens of seconds for a cold 8 GB film.
 *
 * Measured (ffprobe 5.1, two cores): a 10-minute 640x360 MKV, keyframe every 10 s, 150 seeks in one ffprobe:
 * 0.13 s, of which 0.10 s is ffprobe starting; 600 seeks: 0.14 s. A 2-hour MKV (665 MB, 1,800 seeks, two
 * ffprobes side by side): 0.18-0.20 s with the file cached, 0.30 s with its pages dropped; the same as MP4
 * 0.41-0.60 s and 0.83 s (each ffprobe parses the whole sample table first). The stream probe that runs
 * alongside takes 0.10 s.
 */
import { z } from 'zod';
import { remuxStarts, STEADY_SEGMENT_SEC } from './hls-plan.js';
import { inputArgs, isConcatList, measureParts } from './input.js';
import { runTool, type Tools } from './tools.js';

/** Seeks per ffprobe, so that its argv stays short everywhere (Windows allows about 32,000 characters). */
const SEEKS_PER_PROBE = 900;
const PROBE_TIMEOUT_MS = 30_000;

const Seconds = z.string().regex(/^-?\d+(\.\d+)?$/);
// Other keys (a packet's side data, from some demuxers) are dropped, not refused.
const ProbeOutput = z.object({
  packets: z.array(z.object({ pts_time: Seconds, flags: z.string() })).default([]),
  format: z.object({ start_time: Seconds.optional() }).optional(),
});

type KeyframeSamples = { ok: true; keyframes: number[] } | { ok: false; why: string };
export type RemuxPlan = { ok: true; starts: number[] } | { ok: false; why: string };

/**
 * Segment starts for copied video of one input, sampled at most once per length: an open asks for its guess
 * (library facts) and again for the probed run, which `sameRun` then compares by identity. Never rejects.
 */
export function remuxPlanner(tools: Tools, input: string): (durationSec: number) => Promise<RemuxPlan> {
  const plans = new Map<number, Promise<RemuxPlan>>();
  return (durationSec) => {
    let plan = plans.get(durationSec);
    if (!plan) {
      plan = sampleKeyframes(tools, input, durationSec).then((s): RemuxPlan => (s.ok ? { ok: true, starts: remuxStarts(s.keyframes, durationSec) } : s));
      plans.set(durationSec, plan);
    }
    return plan;
  };
}

/**
 * For every `STEADY_SEGMENT_SEC` of `durationSec`, the time of the keyframe at or before it, on ffmpeg's
 * output timeline (source time minus the container's start time: what `-ss` and segment times mean).
 * Ascending, possibly with repeats. Fails, with a reason, when the container cannot seek to keyframes.
 */
async function sampleKeyframes(tools: Tools, input: string, durationSec: number): Promise<KeyframeSamples> {
  if (!isConcatList(input)) return sampleFile(tools, input, 0, durationSec);
  // A movie in parts, part by part: ffprobe cannot seek past the first part of a concat list (ffmpeg can,
  // once the list has the parts' lengths). The concat demuxer puts each part right after the one before.
  const parts = await measureParts(tools, input);
  if (!parts) return { ok: false, why: 'a part of the movie could not be read' };
  const keyframes: number[] = [];
  let offset = 0;
  for (const part of parts) {
    const sampled = await sampleFile(tools, part.path, offset, part.durationSec);
    if (!sampled.ok) return sampled;
    keyframes.push(...sampled.keyframes);
    offset += part.durationSec;
  }
  return { ok: true, keyframes };
}

/** The grid points that fall in a file placed at `offset` on the timeline, sampled in that file. */
async function sampleFile(tools: Tools, file: string, offset: number, lengthSec: number): Promise<KeyframeSamples> {
  const grid: number[] = [];
  for (let n = Math.ceil(offset / STEADY_SEGMENT_SEC); n * STEADY_SEGMENT_SEC < offset + lengthSec; n++) {
    if (n > 0) grid.push(Math.round((n * STEADY_SEGMENT_SEC - offset) * 1e6) / 1e6);
  }
  const chunks: number[][] = [];
  for (let i = 0; i < grid.length; i += SEEKS_PER_PROBE) chunks.push(grid.slice(i, i + SEEKS_PER_PROBE));
  // Two ffprobes at a time (two cores): each spends about 0.1 s starting before it seeks.
  const results: KeyframeSamples[] = [];
  for (let i = 0; i < chunks.length; i += 2) results.push(...(await Promise.all(chunks.slice(i, i + 2).map((c) => sampleChunk(tools, file, c)))));
  const keyframes: number[] = [];
  for (const part of results) {
    if (!part.ok) return part;
    keyframes.push(...part.keyframes.map((k) => Math.round((k + offset) * 1e6) / 1e6));
  }
  return { ok: true, keyframes };
}

async function sampleChunk(tools: Tools, input: string, grid: readonly number[]): Promise<KeyframeSamples> {
  // `-read_intervals` times are the source's own; ffmpeg's `-ss` adds the start time too, so both agree.
  const args = [
    '-v', 'error', '-print_format', 'json',
    '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags:format=start_time',
    '-read_intervals', grid.map((t) => `${t}%+#1`).join(','),
    ...inputArgs(input),
  ];
  let result;
  try {
    result = await runTool(tools, tools.ffprobe, args, { timeoutMs: PROBE_TIMEOUT_MS, maxBytes: 4 * 1024 * 1024 });
  } catch {
    return { ok: false, why: 'ffprobe could not be started to find its keyframes' };
  }
  if (result.timedOut) return { ok: false, why: 'finding its keyframes took too long' };
  if (result.code !== 0) return { ok: false, why: 'its keyframes could not be read' };
  let parsed;
  try {
    parsed = ProbeOutput.safeParse(JSON.parse(result.stdout.toString('utf8')));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) return { ok: false, why: 'its keyframes could not be read' };
  return keyframesFrom(grid, parsed.data.packets, Number(parsed.data.format?.start_time ?? 0));
}

/**
 * Checks ffprobe's answer (one packet per seek, each a keyframe) and moves it onto the timeline. A keyframe
 * after its seek point (the seek point lies before the file's first keyframe) is left out. Pure.
 */
export function keyframesFrom(grid: readonly number[], packets: readonly { pts_time: string; flags: string }[], startTime: number): KeyframeSamples {
  // A container without an index (MPEG-TS, program streams) seeks near a time, not to a keyframe.
  const noIndex: KeyframeSamples = { ok: false, why: 'the file has no usable seek index' };
  if (packets.length !== grid.length) return noIndex;
  const keyframes: number[] = [];
  for (const [i, p] of packets.entries()) {
    const pts = Number(p.pts_time);
    const t = Math.round((pts - (Number.isFinite(startTime) ? startTime : 0)) * 1e6) / 1e6;
    if (!p.flags.startsWith('K') || t < (keyframes.at(-1) ?? -Infinity)) return noIndex;
    if (pts <= (grid[i] ?? 0) + 0.001) keyframes.push(t);
  }
  return { ok: true, keyframes };
}
