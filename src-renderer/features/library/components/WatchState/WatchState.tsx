import { Icon } from '../../../../ui';
import { progressOf } from '../../labels';

export interface WatchStateProps {
  item: { resumeSec: number | null; durationSec: number | null; watched: boolean };
  /** The id the item's button names in `aria-describedby`. */
  id: string;
  /** Where the marks sit: over a poster, or along a row. */
  variant: 'poster' | 'row';
}

/**
 * A watched check and a thin resume bar, both decorative; the same facts in words for the button's
 * description, so button names (what people and tests look for) never change with progress.
 */
export function WatchState({ item, id, variant }: WatchStateProps) {
  const { fraction, text } = progressOf(item);
  if (!text) return null;
  return (
    <>
      {item.watched ? (
        <span className={`watched-mark watched-${variant}`} aria-hidden="true" title="Watched">
          <Icon.Check />
        </span>
      ) : null}
      {fraction !== null ? (
        <span className={`resume-bar resume-${variant}`} aria-hidden="true">
          <span style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
        </span>
      ) : null}
      <span id={id} className="sr-only">
        {text}
      </span>
    </>
  );
}

/** The `aria-describedby` for an item's button, when it has anything to describe. */
export function describedBy(item: WatchStateProps['item'], id: string): string | undefined {
  return progressOf(item).text ? id : undefined;
}
