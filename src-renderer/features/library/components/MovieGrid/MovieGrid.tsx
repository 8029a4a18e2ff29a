import type { Movie } from '../../../../api';
import { Icon, formatDuration } from '../../../../ui';
import { hueOf, initialsOf, movieLabel } from '../../labels';
import { Artwork } from '../Artwork/Artwork';
import { ExtrasList } from '../ExtrasList/ExtrasList';
import { WatchState, describedBy } from '../WatchState/WatchState';

export interface MovieGridProps {
  movies: readonly Movie[];
  onPlay: (itemId: string) => void;
  playingId: string | null;
}

/**
 * Movie tiles: each one button named "Play <Title> (<Year>)", with its poster when one was found beside it
 * (else placeholder art from the title's hash), and its plot as the tile's tooltip.
 */
export function MovieGrid({ movies, onPlay, playingId }: MovieGridProps) {
  return (
    <ul className="movie-grid">
      {movies.map((movie) => {
        const hue = hueOf(movie.title);
        const meta = [movie.year, formatDuration(movie.durationSec), movie.height ? `${movie.height}p` : null, movie.parts > 1 ? `${movie.parts} parts` : null].filter(Boolean);
        return (
          <li key={movie.id}>
            <button
              type="button"
              className={playingId === movie.id ? 'tile is-playing' : 'tile'}
              aria-label={movieLabel(movie)}
              aria-describedby={describedBy(movie, `state-${movie.id}`)}
              title={movie.plot ?? undefined}
              onClick={() => onPlay(movie.id)}
            >
              <span className="poster" style={{ ['--hue' as string]: hue }} aria-hidden="true">
                <span className="poster-initials">{initialsOf(movie.title)}</span>
                <Artwork src={movie.posterUrl} />
                <span className="poster-play">
                  <Icon.Play />
                </span>
                {playingId === movie.id ? <span className="poster-badge">Playing</span> : null}
                <WatchState item={movie} id={`state-${movie.id}`} variant="poster" />
              </span>
              <span className="tile-title" title={movie.title}>
                {movie.title}
              </span>
              <span className="tile-meta">{meta.join(' · ')}</span>
            </button>
            <ExtrasList owner={movie.title} extras={movie.extras} onPlay={onPlay} />
          </li>
        );
      })}
    </ul>
  );
}
