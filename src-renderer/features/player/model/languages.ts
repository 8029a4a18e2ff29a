/**
 * Language codes as people read them. Main names its tracks itself (src-main/playback/languages.ts); this is
 * for the bare codes of the library snapshot, which the renderer must name on its own.
 */

let names: Intl.DisplayNames | null | undefined;
function displayNames(): Intl.DisplayNames | null {
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    } catch {
      names = null;
    }
  }
  return names;
}

/** "French" for `fr`, `fra`, `fre` or `FR`; "Brazilian Portuguese" for `pt-BR` or `pt_BR`; null when unknown. */
export function languageName(code: string | null | undefined): string | null {
  const tag = code?.trim().replace(/_/g, '-');
  const dn = displayNames();
  if (!tag || !dn) return null;
  try {
    return dn.of(tag) ?? dn.of(tag.split('-')[0] ?? '') ?? null;
  } catch {
    // Not shaped like a language tag at all.
    return null;
  }
}

/**
 * The names of a list of language codes, once each, in the order given. A code with no known name is shown
 * as written rather than dropped (a user may still recognise it); `und` (undetermined) says nothing and goes.
 */
export function languageNames(codes: readonly string[]): string[] {
  const out: string[] = [];
  for (const code of codes) {
    if (code.trim().toLowerCase() === 'und') continue;
    const name = languageName(code) ?? code.trim();
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** The primary subtag's name ("French" for `fr`, `fra`, `fre`, `fr-CA`), to compare languages written differently. */
function primaryName(code: string | null | undefined): string | null {
  const primary = code?.trim().split(/[-_]/)[0];
  return primary ? languageName(primary) : null;
}

/** True when two codes name the same language (`fr`, `fra`, `fre`, `fr-CA`), whatever their region. */
export function sameLanguage(a: string | null | undefined, b: string | null | undefined): boolean {
  const name = primaryName(a);
  return name !== null && name === primaryName(b);
}
