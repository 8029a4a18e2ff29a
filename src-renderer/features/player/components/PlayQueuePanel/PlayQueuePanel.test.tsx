import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import '../../../../test-utils';
import { labelInName } from '../../../../ui/labelInNameForTests';
import { createPlayQueue, type PlayQueueTrack } from '../../model/playQueue';
import { PlayQueuePanel } from './PlayQueuePanel';

const ALBUM: PlayQueueTrack[] = ['First Light', 'Undertow', 'Lantern'].map((title, i) => ({
  itemId: `tr${i}`.padEnd(22, 'x'), title, artist: 'Glass Harbour', album: 'Low Tide', durationSec: 200 + i,
}));

function setup() {
  const queue = createPlayQueue(() => 0);
  queue.playFrom(ALBUM);
  const onNext = vi.fn(() => void queue.next());
  const onPrevious = vi.fn(() => void queue.previous());
  render(<PlayQueuePanel playQueue={queue} onNext={onNext} onPrevious={onPrevious} />);
  const rows = () => within(screen.getByRole('list', { name: 'Play queue' })).getAllByRole('listitem');
  const titles = () => rows().map((r) => r.querySelector('.playq-track')?.textContent);
  return { queue, onNext, onPrevious, rows, titles, user: userEvent.setup() };
}

describe('PlayQueuePanel', () => {
  it('lists the queue with the playing track marked', () => {
    const { rows, titles } = setup();
    expect(titles()).toEqual(['First Light', 'Undertow', 'Lantern']);
    expect(rows()[0]!.getAttribute('aria-current')).toBe('true');
    expect(rows()[0]!.textContent).toContain('playing');
    expect(rows()[1]!.textContent).toContain('Glass Harbour · 3:21');
    expect(screen.getByRole('heading', { name: /Queue/ }).textContent).toContain('1 of 3');
  });

  it('reorders with move buttons from the keyboard, keeping focus on the button that moved', async () => {
    const { titles, user } = setup();
    screen.getByRole('button', { name: 'Move Undertow down' }).focus();
    await user.keyboard('{Enter}');
    expect(titles()).toEqual(['First Light', 'Lantern', 'Undertow']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Undertow down' }));
    // At the end already: nothing moves, and the button says it is unavailable without losing focus.
    expect(screen.getByRole('button', { name: 'Move Undertow down' }).getAttribute('aria-disabled')).toBe('true');
    await user.keyboard('{Enter}');
    expect(titles()).toEqual(['First Light', 'Lantern', 'Undertow']);
    await user.click(screen.getByRole('button', { name: 'Move Lantern up' }));
    expect(titles()).toEqual(['Lantern', 'First Light', 'Undertow']);
  });

  it('removes tracks, but not the one playing', async () => {
    const { titles, user } = setup();
    expect(screen.queryByRole('button', { name: 'Remove First Light from queue' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Remove Undertow from queue' }));
    expect(titles()).toEqual(['First Light', 'Lantern']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove Lantern from queue' }));
  });

  it('has next, previous, jump, and shuffle and repeat toggles that say their state', async () => {
    const { queue, onNext, onPrevious, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Next track' }));
    expect(onNext).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Previous track' }));
    expect(onPrevious).toHaveBeenCalledTimes(1);
    const jump = screen.getByRole('button', { name: 'Jump to Lantern, Glass Harbour · 3:22' });
    // Its name holds the words the row shows, in their order; the place in the queue is drawn.
    const shown = ['lantern', 'glass', 'harbour', '3', '22'];
    expect(labelInName(jump)).toEqual({ shown, inName: shown, at: 2 });
    await user.click(jump);
    expect(queue.get().index).toBe(2);

    const shuffle = screen.getByRole('button', { name: 'Shuffle' });
    expect(shuffle.getAttribute('aria-pressed')).toBe('false');
    await user.click(shuffle);
    expect(shuffle.getAttribute('aria-pressed')).toBe('true');
    expect(queue.get().shuffle).toBe(true);

    const repeat = screen.getByRole('button', { name: 'Repeat' });
    expect(repeat.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('button', { name: 'Repeat', description: 'Repeat: off' })).toBe(repeat);
    await user.click(repeat);
    expect(repeat.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Repeat', description: 'Repeat: all tracks' })).toBe(repeat);
    await user.click(repeat);
    expect(screen.getByRole('button', { name: 'Repeat', description: 'Repeat: this track' })).toBe(repeat);
    act(() => queue.cycleRepeat());
    expect(repeat.getAttribute('aria-pressed')).toBe('false');
  });
});
