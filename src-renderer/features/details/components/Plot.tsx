import { useId, useLayoutEffect, useRef, useState } from 'react';

/**
 * A plot, as text (it comes from an nfo file and is never markup), clamped to a few lines. "More" shows the
 * rest; it is offered only when the text is actually cut off.
 */
export function Plot({ text }: { text: string }) {
  const id = useId();
  const ref = useRef<HTMLParagraphElement>(null);
  const [open, setOpen] = useState(false);
  const [clipped, setClipped] = useState(false);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || open) return;
    const measure = () => setClipped(el.scrollHeight > el.clientHeight + 1);
    measure();
    // The header's width changes with the window, and with it where the text is cut.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [text, open]);

  return (
    <div className="dt-plot">
      <p id={id} ref={ref} className={open ? 'dt-plot-text is-open' : 'dt-plot-text'}>
        {text}
      </p>
      {clipped || open ? (
        <button type="button" className="dt-link-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {open ? 'Less' : 'More'}
        </button>
      ) : null}
    </div>
  );
}
