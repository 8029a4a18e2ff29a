/**
 * jsdom lays nothing out, so a virtual grid would measure 0 × 0 and render nothing: tests give every
 * element a size (what the grid reads: its own width, its scroller's height), as @tanstack/react-virtual's
 * own tests do. Returns the undo.
 */
export function mockGridLayout({ width = 1000, height = 800 }: { width?: number; height?: number } = {}): () => void {
  const sizes = { clientWidth: width, clientHeight: height };
  for (const [prop, value] of Object.entries(sizes)) {
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value });
  }
  return () => {
    for (const prop of Object.keys(sizes)) delete (HTMLElement.prototype as unknown as Record<string, unknown>)[prop];
  };
}
