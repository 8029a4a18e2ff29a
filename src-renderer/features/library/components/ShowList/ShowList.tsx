import type { Show } from '../../../../api';
import { Icon, formatDuration, plural } from '../../../../ui';
import { episodeCode, hueOf, initialsOf } from '../../labels';
import { upNext } from '../../model/upNext';
import { Artwork } from '../Artwork/Artwork';
import { ExtrasList } from '../ExtrasList/ExtrasList';
import { WatchState, describedBy } from '../WatchState/WatchState';

export interface ShowListProps {
  shows: readonly Show[];
  onPlay: (itemId: string) => void;
  playingId: string | null;
}

/** Shows with their seasons and what to watch next; each episode a button named "Play <Show> S01E02". */
export function ShowList({ shows, onPlay, playingId }: ShowListProps) {
  return (
    <div className="show-list">
      {shows.map((show) => {
        const count = show.seasons.reduce((n, s) => n + s.episodes.length, 0);
        const next = upNext(show);
        return (
          <article key={show.id} className="card show" aria-labelledby={`show-${show.id}`}>
            <header className="card-head">
              <span className="thumb" style={{ ['--hue' as string]: hueOf(show.title) }} aria-hidden="true">
                {initialsOf(show.title)}
                <Artwork src={show.posterUrl} />
              </span>
              <div>
                <h3 id={`show-${show.id}`} className="card-title">
                  {show.title}
                </h3>
                <p className="muted small">
                  {plural(show.seasons.length, 'season')} · {plural(count, 'episode')}
                </p>
                {show.plot ? (
                  <p className="card-plot muted small" title={show.plot}>
                    {show.plot}
                  </p>
                ) : null}
              </div>
            </header>
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
                  {season.episodes.map((ep) => (
                    <li key={ep.id}>
                      <button
                        type="button"
                        className={playingId === ep.id ? 'row-button is-playing' : 'row-button'}
                        aria-label={`Play ${show.title} ${episodeCode(ep)}`}
                        aria-describedby={describedBy(ep, `state-${ep.id}`)}
                        title={ep.plot ?? undefined}
                        onClick={() => onPlay(ep.id)}
                      >
                        <span className="row-code">{episodeCode(ep)}</span>
                        <span className="row-title">{ep.title ?? `Episode ${ep.episode}`}</span>
                        <span className="row-end">
                          <WatchState item={ep} id={`state-${ep.id}`} variant="row" />
                          <span className="row-dur">{formatDuration(ep.durationSec)}</span>
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
            <ExtrasList owner={show.title} extras={show.extras} onPlay={onPlay} />
          </article>
        );
      })}
    </div>
  );
}
