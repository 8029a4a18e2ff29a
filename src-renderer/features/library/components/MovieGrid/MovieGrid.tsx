import type { Movie } from '../../../../api';
import { Icon, cx, formatDuration } from '../../../../ui';
import { hueOf, initialsOf, movieLabel } from '../../labels';
import type { PlayProps } from '../../playing';
import { Artwork } from '../Artwork/Artwork';
import { ExtrasList } from '../ExtrasList/ExtrasList';
import { WatchState, describedBy } from '../WatchState/WatchState';

export interface MovieGridProps extends PlayProps {
  movies: readonly Movie[];
}

/**
 * Movie tiles: each one button named "Play <Title> (<Year>)", with its poster when one was found beside it
 * (else placeholder art from the title's hash), and its plot as the tile's tooltip.
 */
export function MovieGrid({ movies, ...play }: MovieGridProps) {
  return (
    <ul className="movie-grid">
      {movies.map((movie) => (
        <MovieTile key={movie.id} movie={movie} {...play} />
      ))}
    </ul>
  );
}

/** One movie's tile, and its extras under it. */
function MovieTile({ movie, onPlay, playingId }: PlayProps & { movie: Movie }) {
  const playing = playingId === movie.id;
  const meta = [movie.year, formatDuration(movie.durationSec), movie.height ? `${movie.height}p` : null, movie.parts > 1 ? `${movie.parts} parts` : null].filter(Boolean);
  return (
    <li>
      <button
        type="button"
        className={cx('tile', playing && 'is-playing')}
        aria-label={movieLabel(movie)}
        aria-describedby={describedBy(movie, `state-${movie.id}`)}
        title={movie.plot ?? undefined}
        onClick={() => onPlay(movie.id)}
      >
        <span className="poster" style={{ ['--hue' as string]: hueOf(movie.title) }} aria-hidden="true">
          <span className="poster-initials">{initialsOf(movie.title)}</span>
          <Artwork src={movie.posterUrl} />
          <span className="poster-play">
            <Icon.Play />
          </span>
          {playing ? <span className="poster-badge">Playing</span> : null}
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
}
