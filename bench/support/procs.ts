/**
 * Child processes of a bench, every one of them ended when the bench ends, however it ends. Each runs in its
 * own process group (`detached`), so ending it ends what it started too (nginx's workers), and a group id
 * is only ever one of ours.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const live = new Set<ChildProcess>();
const cleanups: (() => Promise<void> | void)[] = [];
let exiting = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** spawn with an argv array (never a shell), tracked until it exits. */
export function spawnTracked(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, detached: true });
  live.add(child);
  child.once('exit', () => live.delete(child));
  // Without a listener a failed spawn (ENOENT) would throw out of the event loop.
  child.once('error', () => live.delete(child));
  return child;
}

/** Sends `signal` to the child's group, then SIGKILL after `graceMs`, and resolves when it has exited. */
export function stopTracked(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL', graceMs = 2000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    live.delete(child);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      // A group leader's exit can leave members (nginx workers) for a moment; they get the same signal.
      killGroup(child, 'SIGKILL');
      resolve();
    });
    killGroup(child, signal);
  });
}

/** Work to do before the process exits (close servers, delete temp dirs), last registered first. */
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

export async function cleanupAll(): Promise<void> {
  await Promise.allSettled([...live].map((c) => stopTracked(c)));
  while (cleanups.length) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch (err) {
      console.error('[bench] cleanup step failed:', err);
    }
  }
}

/** Ctrl-C, a kill, or a crash: every tracked group is killed; on a signal the async cleanups run first. */
export function installExitHandlers(): void {
  process.on('exit', () => {
    for (const c of live) killGroup(c, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (exiting) return;
      exiting = true;
      console.error(`\n[bench] ${signal}: stopping every process the bench started`);
      const hard = setTimeout(() => process.exit(130), 8000);
      hard.unref();
      void cleanupAll().finally(() => process.exit(130));
    });
  }
}
