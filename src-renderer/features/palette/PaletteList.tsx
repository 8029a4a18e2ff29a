import { useEffect, useId } from 'react';
import { cx } from '../../ui';
import { Marked } from '../search';
import type { PaletteOption, PaletteSection } from './paletteModel';

interface PaletteListProps {
  id: string;
  sections: readonly PaletteSection[];
  active: PaletteOption | null;
  optionId: (o: PaletteOption) => string;
  onHover: (key: string) => void;
  onChoose: (o: PaletteOption, alt: boolean) => void;
  query: string;
}

/** The listbox: options grouped under headings; the active one scrolled into view. */
export function PaletteList({ id, sections, active, optionId, onHover, onChoose, query }: PaletteListProps) {
  const activeId = active ? optionId(active) : null;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);
  const count = sections.reduce((n, s) => n + s.options.length, 0);
  return (
    <>
      <div id={id} role="listbox" aria-label="Commands and results" className="palette-list">
        {sections.map((section) => (
          <Section key={section.title} section={section} active={active} optionId={optionId} onHover={onHover} onChoose={onChoose} />
        ))}
      </div>
      {count === 0 ? <p className="palette-empty">Nothing matches “{query.trim()}”.</p> : null}
    </>
  );
}

function Section({ section, active, optionId, onHover, onChoose }: Omit<PaletteListProps, 'id' | 'sections' | 'query'> & { section: PaletteSection }) {
  const headingId = useId();
  return (
    <div role="group" aria-labelledby={headingId}>
      <div id={headingId} className="palette-section" role="presentation">
        {section.title}
      </div>
      {section.options.map((option) => (
        <div
          key={option.key}
          id={optionId(option)}
          role="option"
          aria-selected={option === active}
          className={cx('palette-option', option === active && 'is-active')}
          onMouseMove={() => option !== active && onHover(option.key)}
          // The field keeps the focus (and the caret) while the mouse picks.
          onMouseDown={(e) => e.preventDefault()}
          onClick={(e) => onChoose(option, e.shiftKey)}
        >
          <span className="palette-label">
            <Marked parts={option.parts} />
          </span>
          {option.detail ? (
            <span className="palette-detail">
              <bdi>{option.detail}</bdi>
            </span>
          ) : null}
          {option.shortcut ? <Keys keys={option.shortcut} /> : null}
        </div>
      ))}
    </div>
  );
}

/** "g m" as two keys. */
function Keys({ keys }: { keys: string }) {
  return (
    <span className="palette-keys">
      {keys.split(' ').map((k, i) => (
        <kbd key={i}>{k}</kbd>
      ))}
    </span>
  );
}
