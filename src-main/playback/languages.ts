/** ISO 639-2 (both B and T forms) to 639-1 for the languages media files most often carry. */
const TWO: Record<string, string> = {
  eng: 'en', fra: 'fr', fre: 'fr', deu: 'de', ger: 'de', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', dut: 'nl',
  swe: 'sv', nor: 'no', nob: 'nb', dan: 'da', fin: 'fi', isl: 'is', ice: 'is', pol: 'pl', ces: 'cs', cze: 'cs',
  slk: 'sk', slo: 'sk', hun: 'hu', ron: 'ro', rum: 'ro', bul: 'bg', hrv: 'hr', srp: 'sr', slv: 'sl', ell: 'el',
  gre: 'el', tur: 'tr', rus: 'ru', ukr: 'uk', heb: 'he', ara: 'ar', fas: 'fa', per: 'fa', hin: 'hi', ben: 'bn',
  tha: 'th', vie: 'vi', ind: 'id', msa: 'ms', may: 'ms', zho: 'zh', chi: 'zh', jpn: 'ja', kor: 'ko', cat: 'ca',
  eus: 'eu', baq: 'eu', glg: 'gl', est: 'et', lav: 'lv', lit: 'lt', tam: 'ta', tel: 'te', urd: 'ur',
};

/** `en`, `eng`, `en-US` → `en`; anything unrecognisable → null. */
export function baseLanguage(code: string | null | undefined): string | null {
  if (!code) return null;
  const primary = code.toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary.length === 2) return primary;
  if (primary.length === 3) return TWO[primary] ?? primary;
  return null;
}

const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** "French" for `fr` or `fra`; null when unknown. */
export function languageName(code: string | null): string | null {
  if (!code) return null;
  try {
    return names.of(code) ?? names.of(baseLanguage(code) ?? '') ?? null;
  } catch {
    return null;
  }
}
