import { describe, expect, it } from 'vitest';
import { Kv } from './db.js';
import { EventQueue } from './event-queue.js';
import { GroupCommit, type GroupCommitOptions } from './group-commit.js';
import type { Generalized } from './generalize.js';
import { tempTelemetryDb } from './test-support/harness.js';

const failed: Generalized = { name: 'playback.failed', category: 'diagnostics', fields: { errorClass: 'decode' } };
const NOW = Date.UTC(2026, 0, 1, 12, 34, 56);

function setup(over: Partial<GroupCommitOptions> = {}, maxEvents = 10) {
  const db = tempTelemetryDb();
  const queue = new EventQueue(db, new Kv(db), { maxEvents, maxBytes: 1_000_000 });
  const groups: (readonly string[])[] = [];
  const closing = new AbortController();
  let changes = 0;
  const commits = new GroupCommit({ queue, reviewWindowMs: 0, onCommit: (ids) => groups.push(ids), onQueueChanged: () => changes++, closed: closing.signal, ...over });
  return { commits, queue, groups, closing, changes: () => changes };
}

describe('group commit', () => {
  it('writes everything added since the last commit in one group, and names its ids once committed', () => {
    const { commits, queue, groups, changes } = setup();
    for (let i = 0; i < 3; i++) commits.add(failed, NOW);
    expect(queue.total()).toBe(0);
    commits.commit();
    expect(groups.map((g) => g.length)).toEqual([3]);
    expect(queue.list().map((e) => e.id)).toEqual(groups[0]);
    expect(changes()).toBe(1);
    commits.commit(); // nothing pending: no empty group, no notice
    expect([groups.length, changes()]).toEqual([1, 1]);
  });

  it('commits on its own right after the turn that added', async () => {
    const { commits, groups } = setup();
    commits.add(failed, NOW);
    commits.add(failed, NOW);
    await new Promise((r) => setImmediate(r));
    expect(groups.map((g) => g.length)).toEqual([2]);
  });

  it('holds no more than the queue bound in memory and counts the rest as drops', () => {
    const { commits, queue } = setup({}, 3);
    for (let i = 0; i < 5; i++) commits.add(failed, NOW);
    commits.commit();
    expect([queue.total(), queue.dropped()]).toEqual([3, 2]);
  });

  it('keeps the committed group when the onCommit hook throws', () => {
    const { commits, queue, changes } = setup({
      onCommit: () => {
        throw new Error('hook bug');
      },
    });
    commits.add(failed, NOW);
    expect(() => commits.commit()).not.toThrow();
    expect([queue.total(), changes()]).toEqual([1, 1]);
  });

  it('writes nothing once the pipeline is closed', () => {
    const { commits, queue, closing } = setup();
    commits.add(failed, NOW);
    closing.abort();
    commits.commit();
    expect(queue.total()).toBe(0);
  });
});
