import fs from 'node:fs';
import type http from 'node:http';
import { createRequire } from 'node:module';
import util from 'node:util';
import type { Binding } from '@glasswing/sendfile';

/**
 * Media bodies by sendfile(2) on a thread of the addon's own (`native/sendfile`): the kernel moves file
 * pages to the socket itself, beside the event loop, where the buffered path (send-span.ts) copies every
 * byte into a buffer and out again on the one JavaScript thread. `npm run bench:playback`, 16 clients
 * asking for random 4 MiB ranges, two cores: server CPU per GiB sent 0.68 s buffered, 0.33 s here (nginx
 * 0.20 s); throughput 0.50x nginx buffered, 0.90x here. What remains is Node's per-request work.
 *
 * The addon is optional: built on Linux by `npm ci`, absent elsewhere or when the build failed. Then
 * `zeroCopyAvailable()` is false and bodies go through the buffered path.
 */
const binding: Binding = load();

function load(): Binding {
  try {
    return createRequire(import.meta.url)('@glasswing/sendfile') as Binding;
  } catch (err) {
    return { supported: false, loadError: err instanceof Error ? err.message : String(err) };
  }
}

export function zeroCopyAvailable(): boolean {
  return binding.supported;
}

/** Why the zero-copy path is off, for the log at start; null when it is on. */
export function zeroCopyUnavailableReason(): string | null {
  if (binding.supported) return null;
  return binding.loadError ?? `sendfile is used on Linux only (this is ${process.platform})`;
}

/** The connection's descriptor where Node exposes one (TCP on POSIX); null for anything else. */
export function socketFd(res: http.ServerResponse): number | null {
  const handle = (res.socket as unknown as { _handle?: { fd?: unknown } } | null)?._handle;
  const fd = handle?.fd;
  return typeof fd === 'number' && fd >= 0 ? fd : null;
}

/**
 * Writes bytes `start..end` (inclusive) of `file` as the body of `res`, whose head has been set with
 * `writeHead`, and ends it. Rejects if the client goes away or the file shrank. `socketFd` comes from
 * `socketFd(res)`: non-null only while the connection belongs to this response (a pipelined next
 * response gets its socket when this one ends).
 *
 * Important: nothing else may write to the socket while the addon does. The head is flushed first and,
 * if Node could not hand it to the kernel at once, awaited there.
 *
 * The file is opened and closed synchronously, like the realpath and stat before it: both take
 * microseconds, where a round trip through libuv's pool adds a wait to every request.
 */
export async function zeroCopySpan(res: http.ServerResponse, socketFd: number, file: string, start: number, end: number): Promise<void> {
  if (!binding.supported) throw new Error('zero-copy sending is not available');
  const socket = res.socket;
  if (!socket) throw new Error('the client went away');
  // The head waits in the kernel for the body's first bytes, and leaves with them.
  binding.cork(socketFd);
  res.flushHeaders();
  if (socket.writableLength > 0) {
    await new Promise<void>((resolve, reject) => socket.write(Buffer.alloc(0), (err) => (err ? reject(err) : resolve())));
  }
  if (res.destroyed || socket.destroyed) throw new Error('the client went away');

  const length = end - start + 1;
  const { errno, sent, shortFile } = await new Promise<{ errno: number; sent: number; shortFile: boolean }>((resolve, reject) => {
    let job: ReturnType<typeof binding.start>;
    const onClose = () => binding.cancel(job);
    let fd: number | null = null;
    try {
      fd = fs.openSync(file, 'r');
      job = binding.start(socketFd, fd, start, length, (errno, sent, shortFile) => {
        socket.off('close', onClose);
        resolve({ errno, sent, shortFile });
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    } finally {
      // The addon works on its own duplicate.
      if (fd !== null) fs.closeSync(fd);
    }
    socket.once('close', onClose);
  });
  if (shortFile) throw new Error('the file shrank while it was being served');
  if (errno !== 0) throw new Error(`the client went away (${util.getSystemErrorName(-errno)})`);
  if (sent !== length) throw new Error(`sent ${sent} of ${length} bytes`);
  res.end();
}
