import type { Clock, Spawn } from '../ports.js';

/**
 * The library's ports, handed in by the composition root as playback's are: the ffprobe binary (reading
 * media), the ffmpeg binary (thumbnails), process spawning and time. Timers and timestamps go through
 * `clock`, so no library code reads the wall clock itself, and a test can move time by hand.
 */
export interface LibraryTools {
  ffprobe: string;
  ffmpeg: string;
  spawn: Spawn;
  clock: Clock;
}
