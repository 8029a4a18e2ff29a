import type { Episode } from '../../../api';
import { formatRoute, usePlayback } from '../../../app';
import { DrawnText, Icon, cx, formatDuration, formatRuntime } from '../../../ui';
import { useRovingFocus } from '../hooks/useRovingFocus';
import { episodeLabel, episodeTitle } from '../model/facts';

/** Where an episode stands, in words for its row's description. */
function stateText(e: Episode): string {
  return [e.watched ? 'Watched' : null, e.resumeSec ? `Resumes at ${formatDuration(e.resumeSec)}` : null].filter(Boolean).join('. ');
}

/**
 * The row link's name, "Episode 2: The Storm, 24 min": it holds the words the row shows, in their order, so a
 * speech user can say what they see (WCAG 2.5.3). The number column is drawn like a list's marker, as the
 * name says it first.
 */
function rowName(e: Episode): string {
  const runtime = formatRuntime(e.durationSec);
  return [e.title ? `Episode ${e.episode}: ${e.title}` : episodeTitle(e), runtime].filter(Boolean).join(', ');
}

/** The watched check, or a thin bar for how far in it is; decorative (the row's description says it). */
function EpisodeMark({ episode }: { episode: Episode }) {
  if (episode.watched)
    return (
      <span className="dt-check" aria-hidden="true" title="Watched">
        <Icon.Check />
      </span>
    );
  if (episode.resumeSec && episode.durationSec)
    return (
      <span className="dt-row-progress" aria-hidden="true">
        <span style={{ width: `${Math.min(100, (episode.resumeSec / episode.durationSec) * 100).toFixed(1)}%` }} />
      </span>
    );
  return <span className="dt-unwatched-dot" aria-hidden="true" title="Not watched" />;
}

/**
 * A season's episodes: each row a link to the episode's page (Enter opens it) and a Play button beside it
 * (Right arrow reaches it); one tab stop for the list, arrows between rows.
 */
export function EpisodeList({ episodes, label }: { episodes: readonly Episode[]; label: string }) {
  const { playItem, playingId } = usePlayback();
  const roving = useRovingFocus(episodes.map((e) => e.id));
  return (
    <ol className="dt-rows dt-episodes" aria-label={label} onKeyDown={roving.onKeyDown}>
      {episodes.map((e) => {
        const title = episodeTitle(e);
        return (
          <li key={e.id} className={cx('dt-row', playingId === e.id && 'is-playing', e.watched && 'is-watched')}>
            <a className="dt-row-main" href={formatRoute({ screen: 'item', id: e.id })} aria-label={rowName(e)} aria-describedby={`dt-ep-${e.id}`} title={title} {...roving.cellProps(e.id, 0)}>
              <DrawnText className="dt-row-num" text={String(e.episode)} />
              <span className="dt-row-title">{title}</span>
              <EpisodeMark episode={e} />{' '}
              <span className="dt-row-dur">{formatRuntime(e.durationSec)}</span>
            </a>
            <span id={`dt-ep-${e.id}`} className="sr-only">
              {stateText(e)}
            </span>
            <button type="button" className="dt-row-play" aria-label={`Play ${episodeLabel(e)}: ${title}`} title="Play" {...roving.cellProps(e.id, 1)} onClick={() => playItem(e.id, { fromStart: false })}>
              <Icon.Play />
            </button>
          </li>
        );
      })}
    </ol>
  );
}
