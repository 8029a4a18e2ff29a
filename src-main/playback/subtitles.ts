import fs from 'node:fs';
import path from 'node:path';
import type { SubtitleTrack } from '../contract/index.js';
import { inputArgs } from './input.js';
import { baseLanguage } from './languages.js';
import { ffmpegMessage, runTool, type Tools } from './tools.js';

type ExternalFormat = 'srt' | 'vtt' | 'ass';

export interface ExternalSubtitle {
  path: string;
  format: ExternalFormat;
  language: string | null;
  forced: boolean;
  /** "SDH", "commentary": what the name said besides the language. */
  note: string | null;
}

const EXTENSIONS: Record<string, ExternalFormat> = { srt: 'srt', vtt: 'vtt', ass: 'ass', ssa: 'ass' };
const MAX_EXTERNAL = 32;

/**
 * Subtitle files beside a video: same base name, then optional tags (`Movie.en.srt`, `Movie.fr.forced.ass`,
 * `Movie.en.sdh.srt`). Only the video's own folder is listed; each match is re-resolved with realpath and
 * must still lie inside the library folder, exactly like the video itself.
 */
export function findExternalSubtitles(videoPath: string, folderRoot: string): ExternalSubtitle[] {
  const dir = path.dirname(videoPath);
  const base = path.basename(videoPath, path.extname(videoPath));
  let names: string[];
  let root: string;
  try {
    names = fs.readdirSync(dir);
    root = fs.realpathSync(folderRoot);
  } catch {
    return [];
  }
  const out: ExternalSubtitle[] = [];
  for (const name of names.sort()) {
    const ext = path.extname(name).slice(1).toLowerCase();
    const format = EXTENSIONS[ext];
    if (!format || !name.startsWith(base + '.')) continue;
    const tags = name.slice(base.length + 1, name.length - ext.length - 1).split('.').filter(Boolean);
    let language: string | null = null;
    let forced = false;
    const notes: string[] = [];
    for (const tag of tags.slice(0, 4)) {
      const t = tag.toLowerCase();
      if (t === 'forced') forced = true;
      else if (!language && /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/i.test(tag) && baseLanguage(t)) language = t;
      else if (/^(sdh|cc|hi|commentary)$/.test(t)) notes.push(t === 'commentary' ? 'commentary' : 'SDH');
    }
    const full = path.join(dir, name);
    try {
      const real = fs.realpathSync(full);
      if (!real.startsWith(root + path.sep) || !fs.statSync(real).isFile()) continue;
      out.push({ path: real, format, language, forced, note: notes[0] ?? null });
    } catch {
      continue;
    }
    if (out.length >= MAX_EXTERNAL) break;
  }
  return out;
}

/** Text subtitle codecs ffmpeg can write as WebVTT; the rest (PGS, VobSub, DVB) are pictures. */
export const TEXT_SUBTITLE_CODECS: ReadonlySet<string> = new Set(['subrip', 'srt', 'ass', 'ssa', 'webvtt', 'mov_text', 'text', 'microdvd', 'subviewer']);

/** How the player labels a subtitle stream's codec. */
export function subtitleFormat(codec: string): SubtitleTrack['format'] {
  switch (codec) {
    case 'subrip':
    case 'srt':
      return 'srt';
    case 'webvtt':
      return 'vtt';
    case 'ass':
    case 'ssa':
      return 'ass';
    case 'mov_text':
      return 'mov_text';
    case 'hdmv_pgs_subtitle':
      return 'pgs';
    case 'dvd_subtitle':
      return 'vobsub';
    case 'dvb_subtitle':
      return 'dvb';
    default:
      return 'other';
  }
}

export class SubtitleError extends Error {}

/**
 * Converts an external file, or subtitle stream `order` of a media file, to WebVTT at `out` (ffmpeg, argv
 * only, files only). ASS styling is reduced to text, which is what `<track>` can show.
 */
export async function convertToWebVtt(tools: Tools, input: string, order: number | null, out: string, fileName: string): Promise<void> {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.tmp`;
  const args = ['-hide_banner', '-nostdin', '-v', 'error', ...inputArgs(input)];
  args.push('-map', order === null ? '0:s:0' : `0:s:${order}`, '-vn', '-an', '-c:s', 'webvtt', '-f', 'webvtt', '-y', `file:${tmp}`);
  const result = await runTool(tools, tools.ffmpeg, args, { timeoutMs: 120_000, maxBytes: 1024 * 1024 });
  if (result.timedOut) throw new SubtitleError(`Converting the subtitles of “${fileName}” took too long.`);
  if (result.code !== 0) throw new SubtitleError(ffmpegMessage(result.stderr, input, fileName));
  fs.renameSync(tmp, out);
}
