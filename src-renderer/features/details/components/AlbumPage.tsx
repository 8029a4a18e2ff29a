import type { LibraryDetail } from '../../../api';
import { formatRoute, usePlayback } from '../../../app';
import type { LibraryQuery } from '../../../data/useLibraryQuery';
import { Button, Icon, formatRuntime, plural } from '../../../ui';
import { totalSeconds } from '../model/facts';
import { albumQueue, shuffled } from '../model/queue';
import { ActionBar } from './Actions';
import { DetailPage, Title } from './DetailPage';
import { Hero, MetaLine } from './Hero';
import { TrackList } from './TrackList';

type AlbumDetailAnswer = Extract<LibraryDetail, { kind: 'album' }>;

/**
 * The album's artist. The album detail names the artist but not its id, so the link goes through search,
 * which lists the artist first; a direct link waits for the contract to carry the id.
 */
function Byline({ artist }: { artist: string | null }) {
  if (!artist) return <p className="dt-byline muted">Unknown artist</p>;
  return (
    <p className="dt-byline">
      <a href={formatRoute({ screen: 'search', query: artist.slice(0, 200) })} title={artist}>
        {artist}
      </a>
    </p>
  );
}

/** An album: its cover, artist, length, Play all / Shuffle / Add to queue, and its tracks by disc. */
export function AlbumPage({ detail, query }: { detail: AlbumDetailAnswer; query: LibraryQuery<LibraryDetail> }) {
  const { album } = detail;
  const { playTracks, queueTracks } = usePlayback();
  const tracks = albumQueue(album);
  const empty = tracks.length === 0;
  return (
    <DetailPage query={query} className="dt-album">
      <Hero title={album.title} art={album.coverUrl} shape="square">
        <p className="dt-eyebrow">Album</p>
        <Title>{album.title}</Title>
        <Byline artist={album.artist} />
        <MetaLine parts={[album.year, plural(tracks.length, 'track'), formatRuntime(totalSeconds(tracks))]} />
        <ActionBar>
          <Button variant="primary" icon={<Icon.Play />} disabled={empty} onClick={() => playTracks(tracks, 0)}>
            Play all
          </Button>
          <Button icon={<Icon.Shuffle />} disabled={empty} onClick={() => playTracks(shuffled(tracks), 0)}>
            Shuffle
          </Button>
          <Button variant="ghost" icon={<Icon.Plus />} disabled={empty} onClick={() => queueTracks(tracks)}>
            Add to queue
          </Button>
        </ActionBar>
      </Hero>
      <div className="dt-body">
        {empty ? <p className="empty">No tracks of this album are in the library. A rescan of its folder picks them up.</p> : <TrackList album={album} />}
      </div>
    </DetailPage>
  );
}
