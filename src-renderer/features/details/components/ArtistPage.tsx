import type { LibraryDetail } from '../../../api';
import type { LibraryQuery } from '../../../data/useLibraryQuery';
import { Button, ErrorText, Icon, plural } from '../../../ui';
import { usePlayArtist } from '../hooks/usePlayArtist';
import { ActionBar } from './Actions';
import { AlbumGrid } from './AlbumGrid';
import { DetailPage, Title } from './DetailPage';
import { Hero, MetaLine } from './Hero';

type ArtistDetail = Extract<LibraryDetail, { kind: 'artist' }>;

/** An artist: name, counts, Play all / Shuffle over their albums, and the albums as covers. */
export function ArtistPage({ detail, query }: { detail: ArtistDetail; query: LibraryQuery<LibraryDetail> }) {
  const { artist, albums } = detail;
  const play = usePlayArtist(artist.name, albums);
  const none = albums.length === 0;
  return (
    <DetailPage query={query} className="dt-artist">
      <Hero title={artist.name} art={null} fanart={albums[0]?.thumbUrl ?? null} shape="square">
        <p className="dt-eyebrow">Artist</p>
        <Title>{artist.name}</Title>
        <MetaLine parts={[plural(artist.albumCount, 'album'), plural(artist.trackCount, 'track')]} />
        <ActionBar>
          <Button variant="primary" icon={<Icon.Play />} disabled={none || play.busy} onClick={play.playAll}>
            Play all
          </Button>
          <Button icon={<Icon.Shuffle />} disabled={none || play.busy} onClick={play.shuffle}>
            Shuffle
          </Button>
          <ErrorText className="dt-action-error">{play.error}</ErrorText>
        </ActionBar>
      </Hero>
      <div className="dt-body">
        <section className="dt-section" aria-labelledby="dt-albums-title">
          <h2 id="dt-albums-title" className="dt-section-title">
            Albums <span className="count">{albums.length}</span>
          </h2>
          {none ? <p className="empty">None of this artist’s albums are in the library any more.</p> : <AlbumGrid albums={albums} label={`Albums by ${artist.name}`} />}
        </section>
      </div>
    </DetailPage>
  );
}
