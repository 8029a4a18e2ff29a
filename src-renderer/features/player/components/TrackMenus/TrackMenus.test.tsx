import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SubtitleTrack } from '../../../../api';
import '../../../../test-utils';
import { TrackMenus, type TrackMenusProps } from './TrackMenus';

const SRT: SubtitleTrack = { index: 0, label: 'English (external SRT)', language: 'en', forced: false, default: false, origin: 'external', format: 'srt', url: '/media/subs/s/0.vtt', burned: false };
const VOBSUB: SubtitleTrack = { index: 1, label: 'English (VobSub pictures)', language: 'eng', forced: false, default: false, origin: 'embedded', format: 'vobsub', url: null, burned: false };

function setup(over: Partial<TrackMenusProps> = {}) {
  const props: TrackMenusProps = { textTracks: [SRT], subtitle: null, onSubtitle: vi.fn(), audioTracks: [], onAudio: vi.fn(), imageTracks: [VOBSUB], onBurnIn: vi.fn(), ...over };
  render(<TrackMenus {...props} />);
  return props;
}

describe('TrackMenus', () => {
  it('chooses a text subtitle track, or none', async () => {
    const user = userEvent.setup();
    const { onSubtitle } = setup();
    await user.selectOptions(screen.getByLabelText('Subtitles'), 'English (external SRT)');
    expect(onSubtitle).toHaveBeenLastCalledWith(0);
    await user.selectOptions(screen.getByLabelText('Subtitles'), 'Off');
    expect(onSubtitle).toHaveBeenLastCalledWith(null);
  });

  it('says when there are no text subtitles, and offers audio only where there is a choice', () => {
    setup({ textTracks: [], imageTracks: [] });
    const select = screen.getByLabelText('Subtitles') as HTMLSelectElement;
    expect(select.disabled).toBe(true);
    expect(select.textContent).toBe('None found');
    expect(screen.queryByLabelText('Audio track')).toBeNull();
    expect(screen.queryByRole('group', { name: 'Picture subtitles' })).toBeNull();
  });

  it('burns a picture track in, and offers to stop once it is', async () => {
    const user = userEvent.setup();
    const { onBurnIn } = setup();
    const group = screen.getByRole('group', { name: 'Picture subtitles' });
    await user.click(within(group).getByRole('button', { name: 'Burn in English (VobSub pictures)' }));
    expect(onBurnIn).toHaveBeenLastCalledWith(1, true);
  });

  it('stops burning in a burned track', async () => {
    const user = userEvent.setup();
    const { onBurnIn } = setup({ imageTracks: [{ ...VOBSUB, burned: true }] });
    await user.click(screen.getByRole('button', { name: 'Stop burning in English (VobSub pictures)' }));
    expect(onBurnIn).toHaveBeenLastCalledWith(1, false);
  });

  it('switches audio tracks', async () => {
    const user = userEvent.setup();
    const { onAudio } = setup({
      audioTracks: [
        { index: 0, label: 'English · AAC stereo', language: 'eng', codec: 'aac', channels: 2, selected: true },
        { index: 1, label: 'French · AAC stereo', language: 'fra', codec: 'aac', channels: 2, selected: false },
      ],
    });
    expect((screen.getByLabelText('Audio track') as HTMLSelectElement).value).toBe('0');
    await user.selectOptions(screen.getByLabelText('Audio track'), 'French · AAC stereo');
    expect(onAudio).toHaveBeenLastCalledWith(1);
  });
});
