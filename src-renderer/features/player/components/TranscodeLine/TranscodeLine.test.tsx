import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../../../test-utils';
import { TranscodeLine } from './TranscodeLine';

const line = () => screen.getByLabelText('Transcode status');

describe('TranscodeLine', () => {
  it('shows the speed, set apart from the words, once there is one', () => {
    const { rerender } = render(<TranscodeLine state="starting" speed={null} />);
    expect(line().textContent).toBe('Starting the transcoder…');
    rerender(<TranscodeLine state="running" speed={2.94} />);
    expect(line().textContent).toBe('Converting at 2.9× real time');
    expect(line().querySelector('strong')?.textContent).toBe('2.9×');
    rerender(<TranscodeLine state="throttled" speed={6.2} />);
    expect(line().textContent).toBe('Converted well ahead; paused until playback catches up at 6.2× real time');
  });

  it('warns when the converter is slower than playback', () => {
    render(<TranscodeLine state="running" speed={0.64} />);
    expect(line().textContent).toBe('Converting at 0.6× real time — slower than real time, playback may pause to buffer');
    expect(line().classList.contains('is-slow')).toBe(true);
  });

  it('leaves the speed out of states that have none', () => {
    render(<TranscodeLine state="stopped" speed={1.5} />);
    expect(line().textContent).toBe('Converter idle; it restarts when playback needs it');
  });
});
