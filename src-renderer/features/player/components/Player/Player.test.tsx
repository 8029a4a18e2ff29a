import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithApi } from '../../../../test-utils';
import { Player } from './Player';

const ITEM = 'mv1xxxxxxxxxxxxxxxxxxx';

beforeEach(() => {
  // jsdom has no media pipeline.
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => {});
});

describe('Player', () => {
  it('plays the opened source and shows how and why it plays that way', async () => {
    const { fake } = renderWithApi(<Player itemId={ITEM} onClose={() => {}} />);
    const video = (await screen.findByLabelText('Video player')) as HTMLVideoElement;
    expect(video.getAttribute('src')).toBe(`/media/${ITEM}`);
    expect(fake.callsTo('playback.open')).toEqual([{ itemId: ITEM }]);
    expect(screen.getByRole('region', { name: 'Player' })).toBeTruthy();
    expect(screen.getByText('Direct play')).toBeTruthy();
    expect(screen.getByText('H.264 and AAC in MP4 play natively.')).toBeTruthy();
  });

  it('reports started once, on the first playing event of the session', async () => {
    const { fake } = renderWithApi(<Player itemId={ITEM} onClose={() => {}} />);
    const video = await screen.findByLabelText('Video player');
    fireEvent.playing(video);
    fireEvent.playing(video);
    await waitFor(() => expect(fake.callsTo('playback.reportStarted')).toHaveLength(1));
    expect(fake.callsTo('playback.reportStarted')[0]).toEqual({ sessionId: '3f0c2a8e-7d4b-4f6a-9e21-5b8c1d2e3f40' });
  });

  it('maps a media error to the contract and says what went wrong', async () => {
    const { fake } = renderWithApi(<Player itemId={ITEM} onClose={() => {}} />);
    const video = await screen.findByLabelText('Video player');
    Object.defineProperty(video, 'error', { value: { code: 3 }, configurable: true });
    fireEvent.error(video);
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be decoded/);
    expect(fake.callsTo('playback.reportFailed')).toEqual([{ sessionId: '3f0c2a8e-7d4b-4f6a-9e21-5b8c1d2e3f40', error: 'decode' }]);
  });

  it('uses an audio element for tracks', async () => {
    renderWithApi(<Player itemId={ITEM} onClose={() => {}} />, {}, {
      'playback.open': ({ itemId }) => ({ sessionId: '3f0c2a8e-7d4b-4f6a-9e21-5b8c1d2e3f40', itemId, kind: 'track', title: 'Low Tide', url: `/media/${itemId}`, mime: 'audio/mpeg', decision: 'direct', reason: 'MP3 plays natively.', durationSec: 215 }),
    });
    expect(await screen.findByLabelText('Audio player')).toBeTruthy();
  });

  it('closes with the button and with Escape, and Space toggles play/pause', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    renderWithApi(<Player itemId={ITEM} onClose={onClose} />);
    await screen.findByLabelText('Video player');
    await user.click(screen.getByRole('button', { name: 'Close player' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(2);
    const region = screen.getByRole('region', { name: 'Player' });
    region.focus();
    const pause = vi.spyOn(HTMLMediaElement.prototype, 'paused', 'get').mockReturnValue(false);
    await user.keyboard(' ');
    expect(HTMLMediaElement.prototype.pause).toHaveBeenCalled();
    pause.mockRestore();
  });

  it('shows the error from opening as text', async () => {
    renderWithApi(<Player itemId={ITEM} onClose={() => {}} />, {}, {
      'playback.open': () => {
        throw new Error('That item is no longer in the library.');
      },
    });
    expect((await screen.findByRole('alert')).textContent).toBe('That item is no longer in the library.');
  });
});
