import type { LibraryDetail } from '../../../api';
import type { LibraryQuery } from '../../../data/useLibraryQuery';
import { Plot, formatRuntime } from '../../../ui';
import { resolutionLabel } from '../model/facts';
import { ActionBar, PlayButtons, WatchedButton } from './Actions';
import { DetailPage, ResumeProgress, Title } from './DetailPage';
import { ExtrasList } from './ExtrasList';
import { FileFactsList } from './FileFactsList';
import { Hero, MetaLine } from './Hero';

type MovieDetail = Extract<LibraryDetail, { kind: 'movie' }>;

/** A movie: poster over its fanart, what it is (with its nfo's genres), Play or Resume, its file and its extras. */
export function MoviePage({ detail, query }: { detail: MovieDetail; query: LibraryQuery<LibraryDetail> }) {
  const { movie, file } = detail;
  return (
    <DetailPage query={query} className="dt-movie">
      <Hero title={movie.title} art={movie.posterUrl} fanart={movie.fanartUrl} shape="poster">
        <p className="dt-eyebrow">Movie</p>
        <Title>{movie.title}</Title>
        <MetaLine parts={[movie.year, formatRuntime(movie.durationSec), resolutionLabel(movie.width, movie.height), movie.parts > 1 && `${movie.parts} parts`]} />
        <GenreList genres={movie.genres} />
        <ResumeProgress resumeSec={movie.resumeSec} durationSec={movie.durationSec} />
        <ActionBar>
          <PlayButtons id={movie.id} resumeSec={movie.resumeSec} />
          <WatchedButton kind="item" id={movie.id} watched={movie.watched} answer={detail} />
        </ActionBar>
        {movie.plot ? <Plot className="dt-plot" text={movie.plot} /> : null}
      </Hero>
      <div className="dt-body">
        <FileFactsList media={movie} file={file} />
        <ExtrasList owner={movie.title} extras={movie.extras} />
      </div>
    </DetailPage>
  );
}

/** The nfo's genres as text, each isolated so a right-to-left override in one cannot reorder the others. */
function GenreList({ genres }: { genres: readonly string[] }) {
  if (genres.length === 0) return null;
  return (
    <ul className="dt-genres" aria-label="Genres">
      {genres.map((genre) => (
        <li key={genre} className="chip">
          <bdi>{genre}</bdi>
        </li>
      ))}
    </ul>
  );
}
