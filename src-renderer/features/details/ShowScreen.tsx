import { DetailStatus, isGone } from './components/DetailStatus';
import { ShowPage } from './components/ShowPage';
import { useDetail } from './hooks/useDetail';
import './details.css';

/** `#/show/<id>`: a show's seasons and episodes. */
export function ShowScreen({ id }: { id: string }) {
  const query = useDetail('show', id);
  const detail = query.data;
  const gone = isGone(query, detail?.kind !== 'show');
  if (gone || detail?.kind !== 'show') return <DetailStatus query={query} gone={gone} shape="poster" />;
  return <ShowPage detail={detail} query={query} />;
}
