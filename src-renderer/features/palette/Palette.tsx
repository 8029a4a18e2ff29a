import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { usePlayback } from '../../app';
import { Icon } from '../../ui';
import { useDebounced, useSearchHits } from '../search';
import { useCommands } from './commands';
import { MIN_SEARCH, paletteSections, type PaletteOption } from './paletteModel';
import { PaletteList } from './PaletteList';

/** The library hits the palette shows: the top few, as a way in, not a results page. */
const HIT_LIMIT = 8;
const DEBOUNCE_MS = 120;

export interface PaletteProps {
  onClose: () => void;
  /** Closes the palette, then runs what was chosen (so focus is back on the page when it runs). */
  onChoose: (run: () => unknown) => void;
}

/**
 * The command palette: a modal dialog holding a combobox (the only focusable thing, so Tab stays in it)
 * over a listbox of commands and library hits, the active row named by `aria-activedescendant`.
 */
export function Palette({ onClose, onChoose }: PaletteProps) {
  const [query, setQuery] = useState('');
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const commands = useCommands();
  const settled = useDebounced(query.trim(), DEBOUNCE_MS);
  const search = useSearchHits(settled.length >= MIN_SEARCH ? settled : '', HIT_LIMIT);
  const { playItem } = usePlayback();
  const sections = paletteSections(query, commands, search.hits, playItem);
  const options = sections.flatMap((s) => s.options);
  const active = options.find((o) => o.key === activeKey) ?? options[0] ?? null;
  const baseId = useId();
  const optionId = (o: PaletteOption) => `${baseId}-${options.indexOf(o)}`;
  const inputRef = useFocusInside();

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      // Taken here, so the shell's Esc (Back) never sees it.
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Tab') {
      event.preventDefault();
      inputRef.current?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = options[(options.indexOf(active!) + step + options.length) % options.length];
      if (next) setActiveKey(next.key);
    } else if (event.key === 'Enter' && active) {
      event.preventDefault();
      choose(active, event.shiftKey);
    }
  }
  function choose(option: PaletteOption, alt: boolean) {
    onChoose(alt && option.alt ? option.alt : option.run);
  }

  return (
    <div className="dialog-backdrop palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div role="dialog" aria-modal="true" aria-label="Command palette" className="palette" onKeyDown={onKeyDown}>
        <div className="palette-field">
          <Icon.Search />
          <input
            ref={inputRef}
            role="combobox"
            aria-expanded="true"
            aria-controls={`${baseId}-list`}
            aria-autocomplete="list"
            aria-activedescendant={active ? optionId(active) : undefined}
            aria-label="Type a command, or search the library"
            placeholder="Type a command, or search the library…"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActiveKey(null);
            }}
          />
        </div>
        <PaletteList id={`${baseId}-list`} sections={sections} active={active} optionId={optionId} onHover={setActiveKey} onChoose={choose} query={query} />
        <p className="palette-foot">
          <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> runs or opens · <kbd>Shift</kbd>+<kbd>Enter</kbd> plays · <kbd>Esc</kbd> closes
        </p>
      </div>
    </div>
  );
}

/** Focus goes to the field as the palette opens, and back to where it was when it closes. */
function useFocusInside() {
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    inputRef.current?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);
  return inputRef;
}
