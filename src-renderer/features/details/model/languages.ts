/**
 * Subtitle language codes as people read them (the player's own copy is private to it). A code with no
 * known name is shown as written; `und` (undetermined) says nothing and goes.
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

function languageName(code: string): string | null {
  const tag = code.trim().replace(/_/g, '-');
  const dn = displayNames();
  if (!tag || !dn) return null;
  try {
    return dn.of(tag) ?? dn.of(tag.split('-')[0] ?? '') ?? null;
  } catch {
    // Not shaped like a language tag at all.
    return null;
  }
}

/** "English, French" for ["en", "fr", "en"]: each once, in the order given. */
export function languageNames(codes: readonly string[]): string[] {
  const out: string[] = [];
  for (const code of codes) {
    if (code.trim().toLowerCase() === 'und') continue;
    const name = languageName(code) ?? code.trim();
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}
