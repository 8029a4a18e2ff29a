import { describe, expect, it } from 'vitest';
import { formatHoursPlayed, formatMinutes, formatRemaining, formatRuntime, formatTimeLeft } from './format';

const MIN = 60_000;
const HOUR = 60 * MIN;
const now = Date.UTC(2026, 0, 1, 12);
const at = (ms: number) => new Date(now + ms).toISOString();

describe('formatTimeLeft', () => {
  it('says a full 24 h window right after recording, even when the screen clock lags by up to a minute', () => {
    expect(formatTimeLeft(at(24 * HOUR), now)).toBe('24 h');
    expect(formatTimeLeft(at(24 * HOUR + 30_000), now)).toBe('24 h');
    expect(formatTimeLeft(at(24 * HOUR + 59_999), now)).toBe('24 h');
  });

  it('rounds down at each boundary, so it never promises more than is left', () => {
    expect(formatTimeLeft(at(24 * HOUR - 1), now)).toBe('23 h 59 min');
    expect(formatTimeLeft(at(HOUR), now)).toBe('1 h');
    expect(formatTimeLeft(at(HOUR - 1), now)).toBe('59 min');
    expect(formatTimeLeft(at(MIN), now)).toBe('1 min');
  });

  it('says "under 1 min" for the last minute and nothing once past', () => {
    expect(formatTimeLeft(at(MIN - 1), now)).toBe('under 1 min');
    expect(formatTimeLeft(at(1), now)).toBe('under 1 min');
    expect(formatTimeLeft(at(0), now)).toBe('');
    expect(formatTimeLeft(at(-5 * MIN), now)).toBe('');
    expect(formatTimeLeft('not a time', now)).toBe('');
  });

  it('never says more than the cap, however far behind the screen clock is', () => {
    expect(formatTimeLeft(at(24 * HOUR + 5 * MIN), now, 24 * HOUR)).toBe('24 h');
    expect(formatTimeLeft(at(10 * MIN), now, 24 * HOUR)).toBe('10 min');
  });
});

describe('formatRuntime', () => {
  it('words a length in hours and minutes, and a clip under a minute in seconds, never "0 min"', () => {
    expect(formatRuntime(5520)).toBe('1 h 32 min');
    expect(formatRuntime(7200)).toBe('2 h');
    expect(formatRuntime(3599)).toBe('1 h');
    expect(formatRuntime(1500)).toBe('25 min');
    expect(formatRuntime(89)).toBe('1 min');
    expect(formatRuntime(59.4)).toBe('59 s');
    expect(formatRuntime(20)).toBe('20 s');
    expect(formatRuntime(0.2)).toBe('1 s');
  });

  it('says a track\'s length as a clock', () => {
    expect(formatRuntime(215, 'clock')).toBe('3:35');
    expect(formatRuntime(3725, 'clock')).toBe('1:02:05');
    expect(formatRuntime(0.4, 'clock')).toBe('0:01');
  });

  it.each([0, -3, null, undefined, Number.NaN, Number.POSITIVE_INFINITY])('says nothing for an unknown length (%s), in words or as a clock', (seconds) => {
    expect(formatRuntime(seconds)).toBe('');
    expect(formatRuntime(seconds, 'clock')).toBe('');
  });

  it('says the time left the same way, and nothing when none or an unknown amount is left', () => {
    expect(formatRemaining(1200)).toBe('20 min left');
    expect(formatRemaining(30)).toBe('30 s left');
    expect(formatRemaining(0)).toBe('');
    expect(formatRemaining(null)).toBe('');
  });
});

describe('formatMinutes', () => {
  it('words minutes, hours and days at their boundaries', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(59)).toBe('59 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(125)).toBe('2 h 5 min');
    expect(formatMinutes(1440)).toBe('24 h');
    expect(formatMinutes(2880)).toBe('48 h');
    expect(formatMinutes(2881)).toBe('2 days');
    expect(formatMinutes(3000)).toBe('2 days 2 h');
    expect(formatMinutes(4320)).toBe('3 days');
  });

  it('never rounds a span of days up', () => {
    expect(formatMinutes(4319)).toBe('2 days 23 h');
  });
});

describe('formatHoursPlayed', () => {
  it('says minutes under an hour, and hours with one decimal above', () => {
    expect(formatHoursPlayed(0.2)).toBe('12 min');
    expect(formatHoursPlayed(59.4 / 60)).toBe('59 min');
    expect(formatHoursPlayed(59.6 / 60)).toBe('1.0 h');
    expect(formatHoursPlayed(1.75)).toBe('1.8 h');
    expect(formatHoursPlayed(3)).toBe('3.0 h');
  });

  it('never says "0.0 h" for time that was played', () => {
    expect(formatHoursPlayed(2 / 60)).toBe('2 min');
    expect(formatHoursPlayed(20 / 3600)).toBe('under 1 min');
    expect(formatHoursPlayed(0)).toBe('0 h');
  });
});
