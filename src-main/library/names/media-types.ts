import type { FolderKind } from '../../contract/index.js';

/** Extensions the scanner looks at, lower case, without the dot. */
const VIDEO_EXTENSIONS: ReadonlySet<string> = new Set(['mp4', 'm4v', 'mkv', 'webm', 'avi', 'mov', 'ts', 'wmv']);
const AUDIO_EXTENSIONS: ReadonlySet<string> = new Set(['mp3', 'flac', 'm4a', 'aac', 'ogg', 'opus', 'wav', 'wma']);

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  mp3: 'audio/mpeg',
  flac: 'audio/flac',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  wav: 'audio/wav',
};

/** The lower-case extension of a file name without the dot, or '' when it has none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function isVideoExtension(ext: string): boolean {
  return VIDEO_EXTENSIONS.has(ext);
}

export function isAudioExtension(ext: string): boolean {
  return AUDIO_EXTENSIONS.has(ext);
}

/** Whether a folder of this kind indexes files with this extension (a music folder ignores videos and vice versa). */
export function isIndexedExtension(ext: string, kind: FolderKind): boolean {
  switch (kind) {
    case 'music':
      return isAudioExtension(ext);
    case 'movies':
    case 'shows':
      return isVideoExtension(ext);
    case 'mixed':
      return isAudioExtension(ext) || isVideoExtension(ext);
  }
}

/** The MIME type the player is told for an item; anything the browser cannot name is octet-stream. */
export function mimeForExtension(ext: string): string {
  return MIME_BY_EXTENSION[ext] ?? 'application/octet-stream';
}
