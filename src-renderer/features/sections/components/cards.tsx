import { memo } from 'react';
import type { AlbumSummary, ArtistSummary, MovieSummary, ShowSummary } from '../../../api';
import { formatRoute } from '../../../app';
import { DrawnText, Icon, PosterCard, plural } from '../../../ui';
import { albumMeta, artistMeta, movieMeta, playLabel, resumeFraction, showMeta, watchStatus } from '../labels';

/*
 * The cards of each section. Each is memoized on its item (whose object stays the same until its page is
 * fetched again), its tab stop and its playing mark, so scrolling and page arrivals re-render only new cards.
 */

interface CardProps<T> {
  item: T;
  tabbable: boolean;
}

/** The watched check and the resume bar over a movie's poster (its status says them in words). */
function WatchMarks({ movie }: { movie: MovieSummary }) {
  const fraction = resumeFraction(movie);
  return (
    <>
      {movie.watched ? (
        <span className="artbox-mark is-quiet" title="Watched">
          <Icon.Check />
        </span>
      ) : null}
      {fraction !== null ? (
        <span className="artbox-progress">
          <span style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
        </span>
      ) : null}
    </>
  );
}

export const MovieCard = memo(function MovieCard({ item, tabbable, playing, onPlay }: CardProps<MovieSummary> & { playing: boolean; onPlay: (id: string) => void }) {
  const status = [watchStatus(item), playing ? 'Playing' : null].filter(Boolean).join('. ');
  return (
    <PosterCard
      href={formatRoute({ screen: 'item', id: item.id })}
      title={item.title}
      meta={[movieMeta(item)]}
      thumbUrl={item.thumbUrl}
      tabbable={tabbable}
      status={status}
      marks={<WatchMarks movie={item} />}
      playing={playing}
      onPlay={() => onPlay(item.id)}
      playLabel={playLabel(item)}
    />
  );
});

export const ShowCard = memo(function ShowCard({ item, tabbable }: CardProps<ShowSummary>) {
  const allWatched = item.episodeCount > 0 && item.unwatchedCount === 0;
  const marks =
    item.unwatchedCount > 0 ? (
      <span className="artbox-mark" title={`${plural(item.unwatchedCount, 'unwatched episode')}`}>
        <DrawnText className="artbox-mark-count" text={item.unwatchedCount > 999 ? '999+' : String(item.unwatchedCount)} />
      </span>
    ) : allWatched ? (
      <span className="artbox-mark is-quiet" title="Watched">
        <Icon.Check />
      </span>
    ) : null;
  const status = item.unwatchedCount > 0 ? `${item.unwatchedCount.toLocaleString('en-US')} unwatched` : allWatched ? 'Watched' : null;
  return <PosterCard href={formatRoute({ screen: 'show', id: item.id })} title={item.title} meta={[showMeta(item)]} thumbUrl={item.thumbUrl} tabbable={tabbable} status={status} marks={marks} />;
});

export const AlbumCard = memo(function AlbumCard({ item, tabbable }: CardProps<AlbumSummary>) {
  return <PosterCard href={formatRoute({ screen: 'album', id: item.id })} title={item.title} meta={albumMeta(item)} thumbUrl={item.thumbUrl} shape="square" tabbable={tabbable} />;
});

export const ArtistCard = memo(function ArtistCard({ item, tabbable }: CardProps<ArtistSummary>) {
  return <PosterCard href={formatRoute({ screen: 'artist', id: item.id })} title={item.name} meta={[artistMeta(item)]} thumbUrl={null} shape="round" tabbable={tabbable} />;
});
