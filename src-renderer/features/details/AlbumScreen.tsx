import { AlbumPage } from './components/AlbumPage';
import { DetailStatus, isGone } from './components/DetailStatus';
import { useDetail } from './hooks/useDetail';
import './details.css';

/** `#/album/<id>`: an album's tracks, to play, shuffle or queue. */
export function AlbumScreen({ id }: { id: string }) {
  const query = useDetail('album', id);
  const detail = query.data;
  const gone = isGone(query, detail?.kind !== 'album');
  if (gone || detail?.kind !== 'album') return <DetailStatus query={query} gone={gone} shape="square" />;
  return <AlbumPage detail={detail} query={query} />;
}
