/** The invisible characters that reorder text around them: embeddings, overrides, isolates and marks. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * A stranger's name (a file, a folder, a reason quoting one) as shown: each bidirectional control is spelled
 * out ("⟨U+202E⟩"), so "‮gnp.exe.mp4" cannot pass itself off as "4pm.exe.png". Callers also isolate the
 * text with <bdi>, so what is left of it cannot reorder the words around it.
 */
export function visibleText(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}
