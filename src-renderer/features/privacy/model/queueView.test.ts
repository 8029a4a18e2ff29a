import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../../api/testing';
import { allSelected, filterEvents, queuedTypes, rowStatus, sharedLinkability, stillQueued, withIds } from './queueView';

describe('queue view', () => {
  const started = makeEvent({ name: 'playback.started', category: 'performance' });
  const opened = makeEvent({ name: 'app.opened', category: 'usage' });
  const failed = makeEvent({ name: 'playback.failed', category: 'diagnostics' });
  const events = [started, opened, failed];

  it('filters by category and by a name search in any case, ignoring blanks around it', () => {
    expect(filterEvents(events, 'all', '')).toEqual(events);
    expect(filterEvents(events, 'usage', '')).toEqual([opened]);
    expect(filterEvents(events, 'all', '  PLAYBACK ')).toEqual([started, failed]);
    expect(filterEvents(events, 'usage', 'playback')).toEqual([]);
  });

  it('adds and takes ids out of a selection without changing the one it was given', () => {
    const before = new Set(['a']);
    expect([...withIds(before, ['b', 'c'], true)]).toEqual(['a', 'b', 'c']);
    expect([...withIds(before, ['a', 'z'], false)]).toEqual([]);
    expect([...before]).toEqual(['a']);
  });

  it('keeps only the selected ids that are still queued, in queue order', () => {
    expect(stillQueued(events, new Set([failed.id, 'gone', started.id]))).toEqual([started.id, failed.id]);
  });

  it('says all are selected only when something is shown and every shown event is ticked', () => {
    expect(allSelected([], new Set())).toBe(false);
    expect(allSelected([started, opened], new Set([started.id]))).toBe(false);
    expect(allSelected([started, opened], new Set([started.id, opened.id, failed.id]))).toBe(true);
  });

  it('styles a ready event in the next batch as batch, and any other by its own status', () => {
    expect(rowStatus(makeEvent({ status: 'ready' }), true)).toBe('batch');
    expect(rowStatus(makeEvent({ status: 'ready' }), false)).toBe('ready');
    expect(rowStatus(makeEvent({ status: 'held' }), true)).toBe('held');
  });

  it('lists each event type once, in order of first appearance, with its purpose and count', () => {
    const again = makeEvent({ name: 'playback.started', category: 'performance' });
    expect(queuedTypes([started, opened, again])).toEqual([
      { name: 'playback.started', category: 'performance', purpose: started.purpose, count: 2 },
      { name: 'app.opened', category: 'usage', purpose: opened.purpose, count: 1 },
    ]);
    expect(queuedTypes([])).toEqual([]);
  });

  it('finds the linkability note shared by every event, or none when they differ or nothing is queued', () => {
    expect(sharedLinkability(events)).toBe(started.linkability);
    expect(sharedLinkability([started, makeEvent({ linkability: 'another note' })])).toBeNull();
    expect(sharedLinkability([])).toBeNull();
  });
});
