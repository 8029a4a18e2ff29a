/**
 * Failures of reading one file, worded for the user. A reason never contains a path or raw tool output
 * (ffprobe's stderr repeats the file name), because it is shown in the UI and may cross to the renderer.
 */
export class ProbeFailure extends Error {
  constructor(
    readonly reason: string,
    /** Worth retrying on the next scan even if the file did not change (a timeout, a busy disk). */
    readonly transient = false,
  ) {
    super(reason);
    this.name = 'ProbeFailure';
  }
}

/** The probing tool itself is missing: the whole scan stops instead of marking every file broken. */
export class ProbeToolMissing extends Error {
  constructor(readonly tool: string) {
    super(`${tool} was not found. Install ffmpeg (which includes ffprobe) and scan again.`);
    this.name = 'ProbeToolMissing';
  }
}

const ERRNO_REASONS: Readonly<Record<string, string>> = {
  EACCES: 'no permission to read the file',
  EPERM: 'no permission to read the file',
  ENOENT: 'the file disappeared during the scan',
  EISDIR: 'is a folder, not a file',
  EIO: 'the disk reported a read error',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long to open',
  EBUSY: 'the file is busy',
};

/** Turns anything a reader threw into a ProbeFailure with a short human reason. */
export function toProbeFailure(error: unknown): ProbeFailure {
  if (error instanceof ProbeFailure) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const errno = ERRNO_REASONS[code];
  if (errno) return new ProbeFailure(errno, code === 'EBUSY' || code === 'EIO');
  const message = error instanceof Error ? error.message : String(error);
  return new ProbeFailure(reasonFromToolMessage(message));
}

/** Maps ffprobe stderr or a music-metadata error message to a reason, without echoing it. */
export function reasonFromToolMessage(message: string): string {
  const m = message.toLowerCase();
  if (m.includes('moov atom not found')) return 'the file is incomplete (no index found); it may be truncated';
  if (m.includes('ebml header parsing failed') || m.includes('ebml')) return 'not a valid Matroska/WebM file';
  if (m.includes('end of file') || m.includes('end-of-stream') || m.includes('unexpected end')) return 'the file is truncated';
  if (m.includes('invalid data found')) return 'not a recognizable media file';
  if (m.includes('permission denied')) return 'no permission to read the file';
  if (m.includes('mime-type') || m.includes('failed to determine') || m.includes('unsupported')) return 'not a recognizable audio file';
  return 'could not be read as media';
}
