import { memo } from 'react';
import type { SortDirection } from '../../../api';
import { Icon } from '../../../ui';

export interface SortOption<S extends string> {
  id: S;
  label: string;
  /** The order a user means when picking this sort: names A–Z, newest added first. */
  natural: SortDirection;
  /** The two orders in words: ['A–Z', 'Z–A'], ['Oldest first', 'Newest first']. */
  words: readonly [asc: string, desc: string];
}

export interface SortControlsProps<S extends string> {
  options: ReadonlyArray<SortOption<S>>;
  sort: S;
  dir: SortDirection;
  onChange: (sort: S, dir: SortDirection) => void;
}

/** A sort menu and a button that reverses the order, saying the order in words ("Newest first"). */
function SortControlsView<S extends string>({ options, sort, dir, onChange }: SortControlsProps<S>) {
  const current = options.find((o) => o.id === sort) ?? options[0]!;
  const words = dir === 'asc' ? current.words[0] : current.words[1];
  return (
    <div className="tb-group">
      <label className="tb-field">
        <span className="tb-label">Sort</span>
        <select
          value={sort}
          onChange={(event) => {
            const next = options.find((o) => o.id === event.target.value);
            if (next) onChange(next.id, next.natural);
          }}
        >
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn btn-sm btn-ghost tb-dir" aria-label={`Order: ${words}`} title="Reverse the order" onClick={() => onChange(sort, dir === 'asc' ? 'desc' : 'asc')}>
        <span className="btn-icon" aria-hidden="true">
          {dir === 'asc' ? <Icon.ArrowUp /> : <Icon.ArrowDown />}
        </span>
        {words}
      </button>
    </div>
  );
}

/** Memoized: the toolbar is left alone while pages arrive. */
export const SortControls = memo(SortControlsView) as typeof SortControlsView;

export const GROUP_SORTS: ReadonlyArray<SortOption<'title' | 'added'>> = [
  { id: 'title', label: 'Title', natural: 'asc', words: ['A–Z', 'Z–A'] },
  { id: 'added', label: 'Date added', natural: 'desc', words: ['Oldest first', 'Newest first'] },
];
