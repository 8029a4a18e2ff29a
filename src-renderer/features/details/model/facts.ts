import type { Episode } from '../../../api';

/** The width classes of the contract's `ResolutionClass`, by width so a 1920×800 scope film is still 1080p. */
export function resolutionLabel(width: number | null, height: number | null): string | null {
  if (width === null || width <= 0) return height ? `${height}p` : null;
  if (width >= 3840) return '4K';
  if (width >= 1920) return '1080p';
  if (width >= 1280) return '720p';
  return height ? `${height}p` : 'SD';
}

const GB = 1024 ** 3;
const MB = 1024 ** 2;

/** A file size as people read it on a media page: "4.4 GB", "700 MB", "0.4 MB". */
export function sizeLabel(bytes: number): string {
  if (bytes >= GB) return `${(bytes / GB).toFixed(1)} GB`;
  if (bytes >= 10 * MB) return `${Math.round(bytes / MB)} MB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}

const CONTAINERS: Record<string, string> = { matroska: 'MKV', mp4: 'MP4', mov: 'MOV', webm: 'WebM', avi: 'AVI', mpegts: 'MPEG-TS', mp3: 'MP3', flac: 'FLAC', ogg: 'Ogg', wav: 'WAV', asf: 'WMA', aac: 'AAC' };
const CODECS: Record<string, string> = { h264: 'H.264', hevc: 'HEVC', h265: 'HEVC', av1: 'AV1', vp9: 'VP9', vp8: 'VP8', mpeg4: 'MPEG-4', mpeg2video: 'MPEG-2', aac: 'AAC', ac3: 'Dolby Digital', eac3: 'Dolby Digital Plus', truehd: 'Dolby TrueHD', dts: 'DTS', mp3: 'MP3', flac: 'FLAC', opus: 'Opus', vorbis: 'Vorbis', alac: 'ALAC' };

/** "MKV" for matroska; an unknown name as written, upper-cased. */
export function containerLabel(name: string | null): string | null {
  return name ? (CONTAINERS[name.toLowerCase()] ?? name.toUpperCase()) : null;
}

/** "H.264" for h264, "Dolby Digital" for ac3; an unknown codec as written, upper-cased. */
export function codecLabel(name: string | null): string | null {
  return name ? (CODECS[name.toLowerCase()] ?? name.toUpperCase()) : null;
}

/** "S2 · E5"; specials are season 0. */
export function episodeLabel(e: Pick<Episode, 'season' | 'episode'>): string {
  return `S${e.season} · E${e.episode}`;
}

/** The episode's title, or "Episode 5" for one without. */
export function episodeTitle(e: Pick<Episode, 'episode' | 'title'>): string {
  return e.title ?? `Episode ${e.episode}`;
}

/** "Season 2", or "Specials" for season 0. */
export function seasonLabel(season: number): string {
  return season === 0 ? 'Specials' : `Season ${season}`;
}

/** The sum of known durations: the length of an album. */
export function totalSeconds(items: ReadonlyArray<{ durationSec: number | null }>): number {
  return items.reduce((sum, item) => sum + (item.durationSec ?? 0), 0);
}
