import type { Episode, Show } from '../../../../api';
import { Icon, cx, formatDuration, plural } from '../../../../ui';
import { episodeCode } from '../../labels';
import { upNext } from '../../model/upNext';
import type { PlayProps } from '../../playing';
import { CardHead } from '../CardHead/CardHead';
import { ExtrasList } from '../ExtrasList/ExtrasList';
import { WatchState, describedBy } from '../WatchState/WatchState';

export interface ShowListProps extends PlayProps {
  shows: readonly Show[];
}

/** Shows with their seasons and what to watch next; each episode a button named "Play <Show> S01E02". */
export function ShowList({ shows, ...play }: ShowListProps) {
  return (
    <div className="show-list">
      {shows.map((show) => (
        <ShowCard key={show.id} show={show} {...play} />
      ))}
    </div>
  );
}

/** One show: its header, the episode to watch next, its seasons' episodes, and its extras. */
function ShowCard({ show, onPlay, playingId }: PlayProps & { show: Show }) {
  const count = show.seasons.reduce((n, s) => n + s.episodes.length, 0);
  const next = upNext(show);
  return (
    <article className="card show" aria-labelledby={`show-${show.id}`}>
      <CardHead id={`show-${show.id}`} title={show.title} artUrl={show.posterUrl}>
        <p className="muted small">
          {plural(show.seasons.length, 'season')} · {plural(count, 'episode')}
        </p>
        {show.plot ? (
          <p className="card-plot muted small" title={show.plot}>
            {show.plot}
          </p>
        ) : null}
      </CardHead>
      {next ? (
        <button type="button" className="up-next" aria-label={`Play next: ${show.title} ${episodeCode(next)}`} onClick={() => onPlay(next.id)}>
          <span className="up-next-icon" aria-hidden="true">
            <Icon.Play />
          </span>
          <span className="up-next-label">Up next</span>
          <span className="up-next-title">
            {episodeCode(next)} · {next.title ?? `Episode ${next.episode}`}
          </span>
        </button>
      ) : null}
      {show.seasons.map((season) => (
        <section key={season.season} className="season" aria-label={`${show.title} season ${season.season}`}>
          <h4 className="season-title">{season.season === 0 ? 'Specials' : `Season ${season.season}`}</h4>
          <ul className="rows">
            {season.episodes.map((episode) => (
              <EpisodeRow key={episode.id} show={show} episode={episode} onPlay={onPlay} playingId={playingId} />
            ))}
          </ul>
        </section>
      ))}
      <ExtrasList owner={show.title} extras={show.extras} onPlay={onPlay} />
    </article>
  );
}

/** One episode: a button named "Play <Show> S01E02", with its plot as tooltip and where it was left. */
function EpisodeRow({ show, episode, onPlay, playingId }: PlayProps & { show: Show; episode: Episode }) {
  return (
    <li>
      <button
        type="button"
        className={cx('row-button', playingId === episode.id && 'is-playing')}
        aria-label={`Play ${show.title} ${episodeCode(episode)}`}
        aria-describedby={describedBy(episode, `state-${episode.id}`)}
        title={episode.plot ?? undefined}
        onClick={() => onPlay(episode.id)}
      >
        <span className="row-code">{episodeCode(episode)}</span>
        <span className="row-title">{episode.title ?? `Episode ${episode.episode}`}</span>
        <span className="row-end">
          <WatchState item={episode} id={`state-${episode.id}`} variant="row" />
          <span className="row-dur">{formatDuration(episode.durationSec)}</span>
        </span>
      </button>
    </li>
  );
}
