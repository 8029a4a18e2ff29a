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

/** The album's artist, a link to the artist's page where there is one (a compilation's artist has none). */
function Byline({ artist, artistId }: { artist: string | null; artistId: string | null }) {
  if (!artist) return <p className="dt-byline muted">Unknown artist</p>;
  return (
    <p className="dt-byline">
      {artistId ? (
        <a href={formatRoute({ screen: 'artist', id: artistId })} title={artist}>
          {artist}
        </a>
      ) : (
        <span title={artist}>{artist}</span>
      )}
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
        <Byline artist={album.artist} artistId={album.artistId} />
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
