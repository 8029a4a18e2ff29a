import type { MediaFacts } from '../../ports.js';
import type { LocalMetadata, SidecarRequest } from '../metadata/local-metadata.js';
import type { AudioProbe } from './probe-audio.js';

/**
 * What the scanner asks a parse worker: always the sampled-block hash; for `audio` tags and format too,
 * for `video` the container facts read in-process (null when ffprobe must answer).
 */
export interface ParseRequest {
  id: number;
  op: 'audio' | 'video' | 'hash';
  file: string;
  ext: string;
  size: number;
  /** Read these sidecars too and cache pictures (see `local-metadata.ts`); absent for `hash`. */
  sidecars?: SidecarRequest;
}

/** A worker's answer: plain data only (it crosses a thread boundary), failures as a worded reason. */
export type ParseReply =
  | { id: number; ok: true; sampleHash: string; audio: AudioProbe | null; video: MediaFacts | null; local: LocalMetadata | null }
  | { id: number; ok: false; reason: string; transient: boolean };
