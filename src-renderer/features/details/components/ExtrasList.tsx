import type { Extra } from '../../../api';
import { usePlayback } from '../../../app';
import { Icon, cx, formatRuntime } from '../../../ui';
import { useRovingFocus } from '../hooks/useRovingFocus';

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
 * "Play Night Train trailer: Teaser, 1:35": the words the row shows (kind, title, length) in their order, so a
 * speech user can say what they see (WCAG 2.5.3), with whose extra it is before them.
 */
function extraName(owner: string, type: string, extra: Extra): string {
  return [`Play ${owner} ${type.toLowerCase()}: ${extra.title}`, formatRuntime(extra.durationSec, 'clock')].filter(Boolean).join(', ');
}

/** A movie's or show's trailers, featurettes and the like: one tab stop, arrows between them, each plays by id. */
export function ExtrasList({ owner, extras }: { owner: string; extras: readonly Extra[] }) {
  const { playItem, playingId } = usePlayback();
  const roving = useRovingFocus(extras.map((e) => e.id));
  if (extras.length === 0) return null;
  return (
    <section className="dt-section" aria-labelledby="dt-extras-title">
      <h2 id="dt-extras-title" className="dt-section-title">
        Extras <span className="count">{extras.length}</span>
      </h2>
      <ul className="dt-rows" aria-labelledby="dt-extras-title" onKeyDown={roving.onKeyDown}>
        {extras.map((extra) => {
          const type = TYPE_LABEL[extra.type];
          return (
            <li key={extra.id} className={cx('dt-row', playingId === extra.id && 'is-playing')}>
              <button type="button" className="dt-row-main dt-extra" aria-label={extraName(owner, type, extra)} title={extra.title} {...roving.cellProps(extra.id)} onClick={() => playItem(extra.id, { fromStart: false })}>
                <span className="dt-row-icon" aria-hidden="true">
                  <Icon.Play />
                </span>
                <span className="dt-row-kind">{type}</span>{' '}
                <span className="dt-row-title">{extra.title}</span>{' '}
                <span className="dt-row-dur">{formatRuntime(extra.durationSec, 'clock')}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
