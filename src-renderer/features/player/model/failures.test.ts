import { describe, expect, it } from 'vitest';
import type { TranscodeStatus } from '../../../api';
import { failureMessage } from './failures';

const SESSION = '3f0c2a8e-7d4b-4f6a-9e21-5b8c1d2e3f40';
const failed: TranscodeStatus = { sessionId: SESSION, state: 'failed', speed: null, message: 'ffmpeg: Invalid data found when processing input' };

describe('failureMessage', () => {
  it('says nothing while nothing failed', () => {
    expect(failureMessage(null, { ...failed, state: 'running', message: null }, null)).toBeNull();
  });

  it('prefers why the session could not open, then the transcoder’s own words, then the element’s failure', () => {
    expect(failureMessage('The file is gone.', failed, 'network')).toBe('The file is gone.');
    expect(failureMessage(null, failed, 'network')).toBe('ffmpeg: Invalid data found when processing input');
    expect(failureMessage(null, null, 'decode')).toBe('This file could not be decoded. It may be damaged, or use a codec this player cannot handle.');
  });
});
