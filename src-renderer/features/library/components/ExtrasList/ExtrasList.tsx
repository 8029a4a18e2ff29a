import type { Extra } from '../../../../api';
import { formatDuration } from '../../../../ui';

export interface ExtrasListProps {
  /** Whose extras these are, for the buttons' names ("Play Night Train trailer: …"). */
  owner: string;
  extras: readonly Extra[];
  onPlay: (itemId: string) => void;
}

const TYPE_LABEL: Record<Extra['type'], string> = {
  extra: 'Extra',
  trailer: 'Trailer',
  featurette: 'Featurette',
  'behind the scenes': 'Behind the scenes',
  'deleted scene': 'Deleted scene',
  interview: 'Interview',
  scene: 'Scene',
  short: 'Short',
};

/**
 * A movie's or show's trailers, featurettes and the like, folded away until asked for: a native
 * `<details>`, so it opens from the keyboard like any disclosure. Titles are text, never markup.
 */
export function ExtrasList({ owner, extras, onPlay }: ExtrasListProps) {
  if (extras.length === 0) return null;
  return (
    <details className="extras">
      <summary>Extras ({extras.length})</summary>
      <ul className="rows">
        {extras.map((extra) => {
          const type = TYPE_LABEL[extra.type];
          return (
            <li key={extra.id}>
              <button type="button" className="row-button" aria-label={`Play ${owner} ${type.toLowerCase()}: ${extra.title}`} onClick={() => onPlay(extra.id)}>
                <span className="row-code">{type}</span>
                <span className="row-title">{extra.title}</span>
                <span className="row-end">
                  <span className="row-dur">{formatDuration(extra.durationSec)}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
