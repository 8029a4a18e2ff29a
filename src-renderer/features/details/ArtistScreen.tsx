import { ArtistPage } from './components/ArtistPage';
import { DetailStatus, isGone } from './components/DetailStatus';
import { useDetail } from './hooks/useDetail';
import './details.css';

/** `#/artist/<id>`: an artist's albums, to open or play. */
export function ArtistScreen({ id }: { id: string }) {
  const query = useDetail('artist', id);
  const detail = query.data;
  const gone = isGone(query, detail?.kind !== 'artist');
  if (gone || detail?.kind !== 'artist') return <DetailStatus query={query} gone={gone} shape="square" />;
  return <ArtistPage detail={detail} query={query} />;
}
