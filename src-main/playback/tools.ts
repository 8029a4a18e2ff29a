import type { Clock, Spawn } from '../ports.js';

export type { Spawn };

export interface Tools {
  ffmpeg: string;
  ffprobe: string;
  spawn: Spawn;
  clock: Clock;
}

export interface ToolResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
}

/**
 * Runs ffmpeg or ffprobe to completion with an argv array, a wall-clock limit from the Clock port and a cap
 * on output. Never rejects for a non-zero exit: the caller turns `stderr` into a message.
 */
export function runTool(tools: Tools, command: string, args: readonly string[], opts: { timeoutMs: number; maxBytes?: number }): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = tools.spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    let bytes = 0;
    let stderr = '';
    let timedOut = false;
    const max = opts.maxBytes ?? 16 * 1024 * 1024;
    const timer = tools.clock.setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > max) child.kill('SIGKILL');
      else out.push(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += chunk.toString('utf8');
    });
    child.on('error', (err) => {
      timer.cancel();
      reject(err);
    });
    child.on('close', (code) => {
      timer.cancel();
      resolve({ code, stdout: Buffer.concat(out), stderr, timedOut });
    });
  });
}

/**
 * ffmpeg's complaint as a sentence a user can act on. The input path is replaced by the file's base name
 * and only the last meaningful line is kept.
 */
export function ffmpegMessage(stderr: string, file: string, fileName: string): string {
  const text = stderr.split(file).join(fileName);
  if (/Invalid data found when processing input|moov atom not found|EBML header parsing failed/i.test(text)) {
    return `ffmpeg could not read “${fileName}”: the file is damaged or is not a media file.`;
  }
  if (/No such file or directory/i.test(text)) return `“${fileName}” is no longer where the library last saw it.`;
  if (/Permission denied/i.test(text)) return `Glasswing may not read “${fileName}” (permission denied).`;
  if (/Unknown encoder|Encoder not found/i.test(text)) return 'This ffmpeg lacks the encoder Glasswing needs (libx264 and aac).';
  const lines = text
    .split('\n')
    .map((l) => l.replace(/^\[[^\]]+\]\s*/, '').trim())
    .filter((l) => l.length > 0 && !/^(frame|size|Press|Stream mapping|Input|Output|Duration|Metadata)/.test(l));
  const last = lines.at(-1);
  return last ? `ffmpeg stopped: ${last.slice(0, 200)}` : 'ffmpeg stopped without saying why.';
}
