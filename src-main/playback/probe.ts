import { inputArgs } from './input.js';
import { ffmpegMessage, runTool, type Tools } from './tools.js';

export interface AudioStream {
  /** Position among the file's audio streams: `-map 0:a:<n>`. */
  order: number;
  codec: string;
  channels: number | null;
  language: string | null;
  title: string | null;
  isDefault: boolean;
}

export interface SubtitleStream {
  /** Position among the file's subtitle streams: `-map 0:s:<n>`. */
  order: number;
  codec: string;
  language: string | null;
  title: string | null;
  forced: boolean;
  isDefault: boolean;
}

export interface SourceStreams {
  durationSec: number | null;
  video: { codec: string; width: number | null; height: number | null } | null;
  audio: AudioStream[];
  subtitles: SubtitleStream[];
  chapters: { title: string; startSec: number }[];
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  channels?: number;
  disposition?: { default?: number; forced?: number; attached_pic?: number };
  tags?: { language?: string; title?: string };
}
interface ProbeJson {
  format?: { duration?: string };
  streams?: ProbeStream[];
  chapters?: { start_time?: string; tags?: { title?: string } }[];
}

export class ProbeError extends Error {}

/** Reads the streams, languages and chapters of a file the session will play (ffprobe, argv only). */
export async function probeStreams(tools: Tools, file: string, fileName: string): Promise<SourceStreams> {
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-show_chapters', ...inputArgs(file)];
  const result = await runTool(tools, tools.ffprobe, args, { timeoutMs: 20_000, maxBytes: 8 * 1024 * 1024 });
  if (result.timedOut) throw new ProbeError(`Reading “${fileName}” took too long.`);
  if (result.code !== 0) throw new ProbeError(ffmpegMessage(result.stderr, file, fileName));
  let json: ProbeJson;
  try {
    json = JSON.parse(result.stdout.toString('utf8')) as ProbeJson;
  } catch {
    throw new ProbeError(`ffprobe could not describe “${fileName}”.`);
  }
  return parseProbe(json);
}

/** ffprobe's JSON as the session needs it. Pure. */
function parseProbe(json: ProbeJson): SourceStreams {
  const streams = json.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const language = (s: ProbeStream) => {
    const l = s.tags?.language?.trim().toLowerCase();
    return l && l !== 'und' && /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(l) ? l : null;
  };
  const audio = streams
    .filter((s) => s.codec_type === 'audio')
    .map((s, order): AudioStream => ({
      order,
      codec: s.codec_name ?? 'unknown',
      channels: typeof s.channels === 'number' ? s.channels : null,
      language: language(s),
      title: s.tags?.title?.slice(0, 80) ?? null,
      isDefault: s.disposition?.default === 1,
    }));
  const subtitles = streams
    .filter((s) => s.codec_type === 'subtitle')
    .map((s, order): SubtitleStream => ({
      order,
      codec: s.codec_name ?? 'unknown',
      language: language(s),
      title: s.tags?.title?.slice(0, 80) ?? null,
      forced: s.disposition?.forced === 1 || /forced/i.test(s.tags?.title ?? ''),
      isDefault: s.disposition?.default === 1,
    }));
  const duration = Number(json.format?.duration);
  return {
    durationSec: Number.isFinite(duration) && duration > 0 ? duration : null,
    video: video ? { codec: video.codec_name ?? 'unknown', width: video.width ?? null, height: video.height ?? null } : null,
    audio,
    subtitles,
    chapters: (json.chapters ?? [])
      .map((c, i) => ({ title: c.tags?.title?.slice(0, 120) || `Chapter ${i + 1}`, startSec: Math.max(0, Number(c.start_time) || 0) }))
      .slice(0, 500),
  };
}
