import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type http from 'node:http';
import { socketFd, zeroCopyAvailable, zeroCopySpan } from './zero-copy.js';

/**
 * Media bodies where sendfile is not available (zero-copy.ts): the cheapest path is reading into a few
 * reused buffers and writing each straight to the socket, reading the next chunk while the previous one
 * is being written.
 * Against `pipeline(createReadStream(), res)` this saves a fresh allocation (and its page faults) per chunk
 * and the stream machinery: about a quarter less server CPU per byte, and ~1.5x the throughput with 16
 * clients (`npm run bench:playback`).
 */
/**
 * Larger chunks cost less CPU per byte (fewer reads, writes and wake-ups); two per response are in memory
 * at most. 4 MiB against 2 MiB: about a fifth less server CPU per GiB with 16 clients asking for 4 MiB
 * ranges (one read and one write each); 1 MiB was no better than 2.
 */
const SPAN_CHUNK = 4 * 1024 * 1024;
/** Idle buffers kept for the next responses (64 MiB at most, and only while media is being served). */
const SPAN_POOL_MAX = 16;
/** The pool is let go after this long without a media response, so an idle app holds no buffers. */
const SPAN_POOL_IDLE_MS = 30_000;
const spanPool: Buffer[] = [];
let spanPoolTimer: NodeJS.Timeout | null = null;

function takeChunk(): Buffer {
  if (spanPoolTimer) spanPoolTimer.refresh();
  else spanPoolTimer = setTimeout(() => ((spanPool.length = 0), (spanPoolTimer = null)), SPAN_POOL_IDLE_MS).unref();
  return spanPool.pop() ?? Buffer.allocUnsafeSlow(SPAN_CHUNK);
}

export interface SpanOptions {
  /** sendfile(2) through the addon where it is available (zero-copy.ts); false forces the buffered path. */
  zeroCopy: boolean;
}

/**
 * Writes bytes `start..end` (inclusive) of `file` as the response body and ends it: by sendfile where the
 * addon and the connection allow it, through reused buffers otherwise. Rejects if the client goes away or
 * the file shrank.
 */
export async function sendSpan(res: http.ServerResponse, file: string, start: number, end: number, opts: SpanOptions): Promise<void> {
  if (opts.zeroCopy && zeroCopyAvailable()) {
    await connectionFree(res);
    const socket = socketFd(res);
    if (socket !== null) return zeroCopySpan(res, socket, file, start, end);
  }
  const fh = await fs.promises.open(file, 'r');
  try {
    await bufferedSpan(res, fh, start, end);
  } finally {
    await fh.close();
  }
}

/**
 * A keep-alive client may send its next request the moment the previous body is in, before Node has
 * finished that response; the new response then waits for the connection. sendfile needs it, so wait.
 */
async function connectionFree(res: http.ServerResponse): Promise<void> {
  if (res.socket || res.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off('socket', done);
      res.req.off('close', done);
      resolve();
    };
    res.once('socket', done);
    res.req.once('close', done);
  });
}

/**
 * The buffered path. Backpressure: each chunk's write callback (the bytes are in the kernel) is awaited
 * before its buffer is reused, so at most two chunks per response are in memory.
 */
async function bufferedSpan(res: http.ServerResponse, fh: FileHandle, start: number, end: number): Promise<void> {
  let closed = false;
  let abortWrite: ((err: Error) => void) | null = null;
  const onClose = () => {
    closed = true;
    abortWrite?.(new Error('the client went away'));
  };
  res.once('close', onClose);
  let a = takeChunk();
  // A span that fits one chunk needs no second buffer.
  let b = end - start + 1 > SPAN_CHUNK ? takeChunk() : null;
  let clean = false;
  try {
    let pos = start;
    let reading: Promise<{ bytesRead: number }> | null = fh.read(a, 0, Math.min(SPAN_CHUNK, end - pos + 1), pos);
    while (reading) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) throw new Error('the file shrank while it was being served');
      if (closed) throw new Error('the client went away');
      pos += bytesRead;
      const chunk = bytesRead === a.length ? a : a.subarray(0, bytesRead);
      const written = new Promise<void>((resolve, reject) => {
        abortWrite = reject;
        res.write(chunk, (err) => (err ? reject(err) : resolve()));
      });
      if (pos <= end) b ??= takeChunk();
      reading = pos <= end && b ? fh.read(b, 0, Math.min(SPAN_CHUNK, end - pos + 1), pos) : null;
      try {
        await written;
      } finally {
        // Never leave a read in flight into a buffer that may go back to the pool.
        if (reading) await reading.catch(() => undefined);
      }
      if (b) [a, b] = [b, a];
    }
    res.end();
    clean = true;
  } finally {
    res.off('close', onClose);
    // A buffer of an aborted write may still be referenced by the socket: only clean ones are reused.
    if (clean) for (const buf of [a, b]) if (buf && spanPool.length < SPAN_POOL_MAX) spanPool.push(buf);
  }
}
