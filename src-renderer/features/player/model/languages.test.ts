import { describe, expect, it } from 'vitest';
import { languageName, languageNames } from './languages';

describe('languageName', () => {
  it('names two- and three-letter codes, either ISO 639-2 form, any case, with a region', () => {
    expect(['en', 'fra', 'fre', 'GER', 'pt-BR', 'pt_BR'].map(languageName)).toEqual(['English', 'French', 'French', 'German', 'Brazilian Portuguese', 'Brazilian Portuguese']);
  });

  it('is null for what is not a language', () => {
    expect([null, '', 'x', 'not a code'].map(languageName)).toEqual([null, null, null, null]);
  });
});

describe('languageNames', () => {
  it('lists each language once, keeps unknown codes as written and drops undetermined', () => {
    expect(languageNames(['en', 'eng', 'fr', 'und', 'qaa-x'])).toEqual(['English', 'French', 'qaa-x']);
  });
});
