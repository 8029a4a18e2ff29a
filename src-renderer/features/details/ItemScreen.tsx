import { DetailStatus, isGone } from './components/DetailStatus';
import { EpisodePage } from './components/EpisodePage';
import { MoviePage } from './components/MoviePage';
import { TrackPage } from './components/TrackPage';
import { useDetail } from './hooks/useDetail';
import './details.css';

/** `#/item/<id>`: a movie, an episode or a track, as the detail's kind says. */
export function ItemScreen({ id }: { id: string }) {
  const query = useDetail('item', id);
  const detail = query.data;
  const isItem = detail?.kind === 'movie' || detail?.kind === 'episode' || detail?.kind === 'track';
  const gone = isGone(query, !isItem);
  if (gone || !detail) return <DetailStatus query={query} gone={gone} shape="poster" />;
  switch (detail.kind) {
    case 'movie':
      return <MoviePage detail={detail} query={query} />;
    case 'episode':
      return <EpisodePage detail={detail} query={query} />;
    case 'track':
      return <TrackPage detail={detail} query={query} />;
    default:
      return <DetailStatus query={query} gone shape="poster" />;
  }
}
