/**
 * The languages offered for audio and subtitles: the common ones, by ISO 639-1 code (what main matches
 * against the codes tracks declare). Names are English, as the rest of the app is.
 */
export const LANGUAGES: ReadonlyArray<{ code: string; name: string }> = [
  ['ar', 'Arabic'],
  ['bn', 'Bengali'],
  ['bg', 'Bulgarian'],
  ['ca', 'Catalan'],
  ['zh', 'Chinese'],
  ['hr', 'Croatian'],
  ['cs', 'Czech'],
  ['da', 'Danish'],
  ['nl', 'Dutch'],
  ['en', 'English'],
  ['et', 'Estonian'],
  ['fi', 'Finnish'],
  ['fr', 'French'],
  ['de', 'German'],
  ['el', 'Greek'],
  ['he', 'Hebrew'],
  ['hi', 'Hindi'],
  ['hu', 'Hungarian'],
  ['is', 'Icelandic'],
  ['id', 'Indonesian'],
  ['it', 'Italian'],
  ['ja', 'Japanese'],
  ['ko', 'Korean'],
  ['lv', 'Latvian'],
  ['lt', 'Lithuanian'],
  ['ms', 'Malay'],
  ['no', 'Norwegian'],
  ['fa', 'Persian'],
  ['pl', 'Polish'],
  ['pt', 'Portuguese'],
  ['ro', 'Romanian'],
  ['ru', 'Russian'],
  ['sr', 'Serbian'],
  ['sk', 'Slovak'],
  ['sl', 'Slovenian'],
  ['es', 'Spanish'],
  ['sv', 'Swedish'],
  ['ta', 'Tamil'],
  ['th', 'Thai'],
  ['tr', 'Turkish'],
  ['uk', 'Ukrainian'],
  ['ur', 'Urdu'],
  ['vi', 'Vietnamese'],
].map(([code, name]) => ({ code: code!, name: name! }));

/**
 * The options for a language select: the list above, plus the current code when it is not in it (set by
 * hand in settings.json, or a three-letter code), so the select never claims a value that is not saved.
 */
export function languageOptions(current: string | null): ReadonlyArray<{ code: string; name: string }> {
  if (current === null || LANGUAGES.some((l) => l.code === current)) return LANGUAGES;
  return [...LANGUAGES, { code: current, name: `${nameOf(current)} (${current})` }];
}

function nameOf(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code) ?? 'Other language';
  } catch {
    return 'Other language';
  }
}
