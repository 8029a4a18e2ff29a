import { describe, expect, it } from 'vitest';
import { visibleText } from './visibleText';

describe('visibleText', () => {
  it('spells out the controls that would disguise a name, and leaves every other letter alone', () => {
    expect(visibleText('\u202Egnp.exe.mp4')).toBe('⟨U+202E⟩gnp.exe.mp4');
    expect(visibleText('a\u2066b\u2069\u200Fc')).toBe('a⟨U+2066⟩b⟨U+2069⟩⟨U+200F⟩c');
    expect(visibleText('فيلم עברית Café <img>')).toBe('فيلم עברית Café <img>');
  });
});
