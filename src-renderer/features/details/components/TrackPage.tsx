import type { LibraryDetail } from '../../../api';
import { formatRoute, usePlayback } from '../../../app';
import type { LibraryQuery } from '../../../data/useLibraryQuery';
import { Button, Icon, formatRuntime } from '../../../ui';
import { toQueueTrack } from '../model/queue';
import { ActionBar } from './Actions';
import { DetailPage, Title } from './DetailPage';
import { FileFactsList } from './FileFactsList';
import { Hero, MetaLine } from './Hero';

type TrackDetail = Extract<LibraryDetail, { kind: 'track' }>;

/** A track: its album (a link) and cover, artist, place on the album, Play (the album from here) or queue it. */
export function TrackPage({ detail, query }: { detail: TrackDetail; query: LibraryQuery<LibraryDetail> }) {
  const { track, album, file } = detail;
  const { playItem, queueTracks, playingId } = usePlayback();
  const artist = track.artist ?? album.artist;
  return (
    <DetailPage query={query} className="dt-track">
      <Hero title={album.title} art={album.coverUrl} shape="square">
        <p className="dt-eyebrow">
          <a href={formatRoute({ screen: 'album', id: album.id })} title={album.title}>
            {album.title}
          </a>
        </p>
        <Title>{track.title}</Title>
        <MetaLine parts={[artist, track.discNo !== null && track.discNo > 1 && `Disc ${track.discNo}`, track.trackNo !== null && `Track ${track.trackNo}`, formatRuntime(track.durationSec, 'clock')]} />
        <ActionBar>
          <Button variant="primary" icon={<Icon.Play />} onClick={() => playItem(track.id, { fromStart: true })}>
            Play
          </Button>
          <Button icon={<Icon.Plus />} onClick={() => queueTracks([toQueueTrack(track, album)])}>
            Add to queue
          </Button>
          {playingId === track.id ? <span className="pill pill-ok">Now playing</span> : null}
        </ActionBar>
      </Hero>
      <div className="dt-body">
        <FileFactsList media={track} file={file} />
      </div>
    </DetailPage>
  );
}
