import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultFakeSettings, makeEpisode } from '../../../../api/testing';
import { renderWithApi } from '../../../../test-utils';
import { detailsFromLibrary } from '../../model/details';
import { Player } from '../Player/Player';
import { UP_NEXT_SEC } from './UpNext';

const ITEM = 'ep1xxxxxxxxxxxxxxxxxxx';
const NEXT = 'ep2xxxxxxxxxxxxxxxxxxx';
const FILE = { mime: 'video/mp4', size: 1, parts: [] };
const SHOW = { id: 'sh1xxxxxxxxxxxxxxxxxxx', title: 'Harbour Lights', thumbUrl: null, posterUrl: null, fanartUrl: null };

function episode(next: { id: string; season: number; episode: number; title: string | null } | null) {
  return detailsFromLibrary({ kind: 'episode', episode: makeEpisode({ id: ITEM, season: 1, episode: 2, title: 'The Pier' }), show: SHOW, file: FILE, next });
}

let paused = true;
beforeEach(() => {
  paused = true;
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(async () => void (paused = false));
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => void (paused = true));
  vi.spyOn(HTMLMediaElement.prototype, 'paused', 'get').mockImplementation(() => paused);
});
afterEach(() => {
  vi.useRealTimers();
});

/** Plays the episode to its end, with the countdown's interval on fake timers from then on. */
async function playToEnd(next = { id: NEXT, season: 1, episode: 3, title: 'Low Water' } as Parameters<typeof episode>[0], autoplay = true) {
  const onPlayNext = vi.fn();
  const onClose = vi.fn();
  const rendered = renderWithApi(<Player itemId={ITEM} onClose={onClose} details={episode(next)} onPlayNext={onPlayNext} />, { settings: { ...defaultFakeSettings(), autoplayNextEpisode: autoplay } });
  const video = await screen.findByLabelText('Video player');
  await waitFor(() => expect(rendered.fake.callsTo('settings.get')).toHaveLength(1));
  await act(async () => {});
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  fireEvent.ended(video);
  return { ...rendered, video, onPlayNext, onClose };
}

describe('Up next', () => {
  it('counts down from 10 s at the end of an episode, then plays the next one', async () => {
    const { onPlayNext } = await playToEnd();
    const card = screen.getByRole('group', { name: 'Up next' });
    expect(within(card).getByText('S1 · E3 Low Water')).toBeTruthy();
    expect(within(card).getByText(`Playing in ${UP_NEXT_SEC} s`)).toBeTruthy();
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Play now' }));
    // Said once, politely; the ticking number is not read out every second.
    expect(screen.getAllByRole('status').some((s) => s.textContent === `Up next: S1 · E3 Low Water, playing in ${UP_NEXT_SEC} seconds.`)).toBe(true);
    expect(within(card).getByText(`Playing in ${UP_NEXT_SEC} s`).getAttribute('aria-hidden')).toBe('true');
    act(() => void vi.advanceTimersByTime(3000));
    expect(within(card).getByText('Playing in 7 s')).toBeTruthy();
    expect(onPlayNext).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(7000));
    expect(onPlayNext).toHaveBeenCalledTimes(1);
    expect(onPlayNext).toHaveBeenCalledWith(NEXT);
    act(() => void vi.advanceTimersByTime(5000));
    expect(onPlayNext).toHaveBeenCalledTimes(1);
  });

  it('plays now with Space or Enter on its button, instead of playing the ended episode again', async () => {
    const { onPlayNext } = await playToEnd();
    vi.useRealTimers();
    // An ended element is paused: the player's Space would play it again from the start.
    paused = true;
    await userEvent.setup().keyboard(' ');
    expect(onPlayNext).toHaveBeenCalledWith(NEXT);
    expect(paused).toBe(true);
  });

  it('stops counting on Cancel, keeping Play now and offering Back', async () => {
    const { onPlayNext, onClose } = await playToEnd();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Play now' }));
    expect(screen.queryByText(/Playing in/)).toBeNull();
    act(() => void vi.advanceTimersByTime(30_000));
    expect(onPlayNext).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('does not count down when the setting is off', async () => {
    const { onPlayNext } = await playToEnd(undefined, false);
    expect(screen.getByText('S1 · E3 Low Water')).toBeTruthy();
    expect(screen.queryByText(/Playing in/)).toBeNull();
    act(() => void vi.advanceTimersByTime(30_000));
    expect(onPlayNext).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Play now' }));
    expect(onPlayNext).toHaveBeenCalledWith(NEXT);
  });

  it('says it was the last episode at the end of a show, with a way back', async () => {
    const { onClose, onPlayNext } = await playToEnd(null);
    expect(screen.getByText('That was the last episode')).toBeTruthy();
    act(() => void vi.advanceTimersByTime(30_000));
    expect(onPlayNext).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('goes away when the episode is played again', async () => {
    const { video } = await playToEnd();
    fireEvent.playing(video);
    expect(screen.queryByRole('group', { name: 'Up next' })).toBeNull();
  });
});
