/** One report from ffmpeg's `-progress pipe:1`: blocks of `key=value` lines ending in `progress=…`. */
export interface ProgressReport {
  /** Multiple of real time, or null while ffmpeg says `N/A`. */
  speed: number | null;
  /** Output position in seconds (relative to the runner's start). */
  outTimeSec: number | null;
  end: boolean;
}

/** Splits ffmpeg's progress stream into reports; feed it chunks as they come. */
export class ProgressParser {
  private buffer = '';
  private block = new Map<string, string>();

  constructor(private readonly onReport: (r: ProgressReport) => void) {}

  push(chunk: string): void {
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl).trim();
      this.buffer = this.buffer.slice(nl + 1);
      const eq = line.indexOf('=');
      if (eq <= 0) continue;
      const key = line.slice(0, eq);
      const value = line.slice(eq + 1);
      this.block.set(key, value);
      if (key === 'progress') {
        this.onReport(parseBlock(this.block));
        this.block = new Map();
      }
    }
    // A line longer than this is not ffmpeg's progress; drop it rather than grow without bound.
    if (this.buffer.length > 4096) this.buffer = '';
  }
}

function parseBlock(block: Map<string, string>): ProgressReport {
  const speed = /^\s*([\d.]+)x\s*$/.exec(block.get('speed') ?? '');
  const us = Number(block.get('out_time_us') ?? block.get('out_time_ms'));
  return {
    speed: speed?.[1] !== undefined && Number.isFinite(Number(speed[1])) ? Number(speed[1]) : null,
    outTimeSec: Number.isFinite(us) && us >= 0 ? us / 1e6 : null,
    end: block.get('progress') === 'end',
  };
}
