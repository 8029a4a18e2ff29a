/**
 * jsdom lays nothing out, so a virtual grid would measure 0 × 0 and render nothing: tests give every
 * element a size (what the grid reads: its own width, its scroller's height), as @tanstack/react-virtual's
 * own tests do, and a scroll offset that `scrollTo` moves (with the scroll event a browser sends).
 * Returns the undo.
 */
export function mockGridLayout({ width = 1000, height = 800 }: { width?: number; height?: number } = {}): () => void {
  const offsets = new WeakMap<Element, number>();
  const props: Record<string, PropertyDescriptor> = {
    clientWidth: { get: () => width },
    clientHeight: { get: () => height },
    scrollHeight: { get: () => 50_000_000 },
    scrollTop: {
      get(this: Element) {
        return offsets.get(this) ?? 0;
      },
      set(this: Element, value: number) {
        offsets.set(this, Math.max(0, value));
      },
    },
    scrollTo: {
      value(this: Element, options: ScrollToOptions) {
        offsets.set(this, Math.max(0, options.top ?? 0));
        this.dispatchEvent(new Event('scroll'));
      },
    },
  };
  for (const [prop, descriptor] of Object.entries(props)) Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, ...descriptor });
  return () => {
    for (const prop of Object.keys(props)) delete (HTMLElement.prototype as unknown as Record<string, unknown>)[prop];
  };
}
