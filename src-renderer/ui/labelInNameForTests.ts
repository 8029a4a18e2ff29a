/** Words as axe's label-content-name-mismatch splits them: runs of letters and digits, case folded. */
export function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Where `run` stands in `name` as consecutive words; else where its first word does (or 0), so a failing test shows what stands there instead. */
function placeOf(name: readonly string[], run: readonly string[]): number {
  for (let i = 0; i + run.length <= name.length; i++) if (run.every((word, j) => name[i + j] === word)) return i;
  return Math.max(0, name.indexOf(run[0] ?? ''));
}

/**
 * The words a control shows and the words of its `aria-label` where they should stand, as consecutive
 * words (WCAG 2.5.3, "label in name"): a test expects `inName` to equal `shown`, and `at` is where in the
 * name they begin. What it shows is every text node inside it, as axe reads a control's visible text:
 * aria-hidden letters over a placeholder are on screen all the same, while letters drawn by CSS
 * (DrawnText) are not text.
 */
export function labelInName(control: Element): { shown: string[]; inName: string[]; at: number } {
  const shown = words(control.textContent ?? '');
  const name = words(control.getAttribute('aria-label') ?? '');
  const at = placeOf(name, shown);
  return { shown, inName: name.slice(at, at + shown.length), at };
}
