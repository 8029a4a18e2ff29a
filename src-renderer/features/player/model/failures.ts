import type { TranscodeStatus } from '../../../api';

/** How a playback failed, in the contract's words, and what the player says about it. */
export type FailKind = 'aborted' | 'network' | 'decode' | 'unsupported' | 'unknown';

/** `MediaError.code` → the contract's failure kind. */
export const MEDIA_ERROR: Record<number, FailKind> = { 1: 'aborted', 2: 'network', 3: 'decode', 4: 'unsupported' };

const FAIL_MESSAGE: Record<FailKind, string> = {
  aborted: 'Playback was stopped before the file finished loading.',
  network: 'The file could not be loaded. Check that its folder is still reachable, then try again.',
  decode: 'This file could not be decoded. It may be damaged, or use a codec this player cannot handle.',
  unsupported: 'This file’s format cannot be played here.',
  unknown: 'Playback failed for an unknown reason.',
};

/**
 * What the player says went wrong, or null: opening the session failed, else the transcoder failed (ffmpeg's
 * own words beat a generic "network error" from hls.js), else the element or hls.js reported `failure`.
 */
export function failureMessage(openError: string | null, status: TranscodeStatus | null, failure: FailKind | null): string | null {
  return openError ?? (status?.state === 'failed' ? status.message : null) ?? (failure ? FAIL_MESSAGE[failure] : null);
}
