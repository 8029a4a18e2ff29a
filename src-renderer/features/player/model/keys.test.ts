import { describe, expect, it } from 'vitest';
import { BINDINGS, actionForKey, keysShown, musicActionForKey } from './keys';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => actionForKey({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('player keys', () => {
  it('binds each key once, so the dialog never promises a key that does something else', () => {
    const keys = BINDINGS.flatMap((b) => b.presses.map(([key]) => key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reaches every action from the keyboard', () => {
    const types = new Set(BINDINGS.flatMap((b) => b.presses.map(([, action]) => action?.type)));
    for (const type of ['toggle', 'seekBy', 'volumeBy', 'mute', 'fullscreen', 'subtitles', 'audioTrack', 'next', 'previous', 'frame', 'seekToFraction', 'help']) expect(types).toContain(type);
  });

  it('maps presses to actions, digits to tenths of the length, and leaves chords and Escape alone', () => {
    expect(press(' ')).toEqual({ type: 'toggle' });
    expect(press('ArrowLeft')).toEqual({ type: 'seekBy', seconds: -5 });
    expect(press('ArrowDown')).toEqual({ type: 'volumeBy', delta: -0.1 });
    expect(press(',')).toEqual({ type: 'frame', direction: -1 });
    expect(press('7')).toEqual({ type: 'seekToFraction', fraction: 0.7 });
    expect(press('k', { ctrlKey: true })).toBeNull();
    expect(press('Escape')).toBeNull();
    expect(press('x')).toBeNull();
  });

  it('shows keys by the names people use', () => {
    expect(BINDINGS.map(keysShown)).toEqual([
      ['Space', 'k'], ['←'], ['→'], ['j'], ['l'], ['↑', '↓'], ['m'], ['f'], ['c'], ['a'], ['n', 'p'], [',', '.'], ['0', '…', '9'], ['?'], ['Esc'],
    ]);
  });

  it('drives music from anywhere with Space, k, n, p, m, j and l, and with arrows and digits only from the bar', () => {
    const key = (k: string, inBar: boolean) => musicActionForKey({ key: k, ctrlKey: false, metaKey: false, altKey: false }, inBar);
    for (const k of [' ', 'k', 'n', 'p', 'm', 'j', 'l']) expect(key(k, false)).not.toBeNull();
    for (const k of ['ArrowLeft', 'ArrowUp', '5']) {
      expect(key(k, false)).toBeNull();
      expect(key(k, true)).not.toBeNull();
    }
    // Nothing of a video's: full screen, subtitles, audio tracks, frames, the shortcuts dialog.
    for (const k of ['f', 'c', 'a', ',', '?']) expect(key(k, true)).toBeNull();
  });
});
