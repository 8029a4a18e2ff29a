import { useId, useLayoutEffect, useRef, useState } from 'react';
import { cx } from './cx';
import './plot.css';

/**
 * A movie's, episode's or show's plot, as text (it comes from an nfo file and is never markup), clamped to a
 * few lines. "More" shows the rest; it is offered only when the text is actually cut off. The item pages and
 * the player's info panel each style it through `className`.
 */
export function Plot({ text, className }: { text: string; className?: string }) {
  const id = useId();
  const ref = useRef<HTMLParagraphElement>(null);
  const [open, setOpen] = useState(false);
  const [clipped, setClipped] = useState(false);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || open) return;
    const measure = () => setClipped(el.scrollHeight > el.clientHeight + 1);
    measure();
    // The text's width changes with the window, and with it where the text is cut.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [text, open]);

  return (
    <div className={cx('plot', className)}>
      <p id={id} ref={ref} className={cx('plot-text', open && 'is-open')}>
        {text}
      </p>
      {clipped || open ? (
        <button type="button" className="plot-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {open ? 'Less' : 'More'}
        </button>
      ) : null}
    </div>
  );
}
