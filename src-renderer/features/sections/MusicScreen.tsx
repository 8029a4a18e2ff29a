import type { AlbumSummary, ArtistSummary, GroupSort, SortDirection } from '../../api';
import { formatRoute, navigate, type MusicTab, type RouteOf } from '../../app';
import { LinkTabs, type LinkTab } from '../../ui';
import { AlbumCard, ArtistCard } from './components/cards';
import { SectionGrid } from './components/SectionGrid';
import { AddFolderHint, EmptySection, SectionBody, SectionHeader } from './components/SectionStates';
import { GROUP_SORTS, SortControls } from './components/SortControls';
import { usePagedSection } from './hooks/usePagedSection';
import { useSectionCounts } from './hooks/useSectionCounts';
import './sections.css';

type MusicRoute = RouteOf<'music'>;

const renderAlbum = (album: AlbumSummary, tabbable: boolean) => <AlbumCard item={album} tabbable={tabbable} />;
const renderArtist = (artist: ArtistSummary, tabbable: boolean) => <ArtistCard item={artist} tabbable={tabbable} />;

function tabsOf(route: MusicRoute, counts: { artists: number; albums: number } | null): Array<LinkTab<MusicTab>> {
  const count = (n: number | undefined) => (n === undefined ? undefined : n.toLocaleString('en-US'));
  return [
    { id: 'artists', label: 'Artists', href: formatRoute({ ...route, tab: 'artists' }), badge: count(counts?.artists) },
    { id: 'albums', label: 'Albums', href: formatRoute({ ...route, tab: 'albums' }), badge: count(counts?.albums) },
  ];
}

/** Music: artists or albums (a tab each, with an address each), as grids sorted by the route. */
export function MusicScreen({ route }: { route: MusicRoute }) {
  const counts = useSectionCounts();
  const setSort = (sort: GroupSort, dir: SortDirection) => navigate({ ...route, sort, dir }, { replace: true });
  const total = counts.data ? (route.tab === 'artists' ? counts.data.artists : counts.data.albums) : null;
  return (
    <section className="section-page" aria-labelledby="music-title">
      <SectionHeader id="music-title" title="Music" count={total} loading={counts.loading}>
        <div className="section-toolbar">
          <LinkTabs tabs={tabsOf(route, counts.data)} selected={route.tab} label="Music" idPrefix="music" onSelect={(tab) => navigate({ ...route, tab }, { replace: true })} />
          <SortControls options={GROUP_SORTS} sort={route.sort} dir={route.dir} onChange={setSort} />
        </div>
      </SectionHeader>
      <div role="tabpanel" id={`music-panel-${route.tab}`} aria-labelledby={`music-tab-${route.tab}`} className="section-panel">
        {route.tab === 'artists' ? <ArtistsGrid route={route} total={counts.data?.artists} onRetry={counts.reload} /> : <AlbumsGrid route={route} total={counts.data?.albums} onRetry={counts.reload} />}
      </div>
    </section>
  );
}

interface TabGridProps {
  route: MusicRoute;
  total: number | undefined;
  onRetry: () => void;
}

const noMusic = (
  <EmptySection title="No music yet">
    <AddFolderHint kind="music" />
  </EmptySection>
);

function ArtistsGrid({ route, total, onRetry }: TabGridProps) {
  const view = usePagedSection({ section: 'artists', sort: route.sort, direction: route.dir }, total);
  const retry = () => {
    onRetry();
    view.retry();
  };
  return (
    <SectionBody view={view} what="artists" onRetry={retry} empty={noMusic}>
      <SectionGrid view={view} label="Artists" shape="round" metaLines={1} renderCard={renderArtist} memoryKey={formatRoute(route)} minCellWidth={130} />
    </SectionBody>
  );
}

function AlbumsGrid({ route, total, onRetry }: TabGridProps) {
  const view = usePagedSection({ section: 'albums', sort: route.sort, direction: route.dir }, total);
  const retry = () => {
    onRetry();
    view.retry();
  };
  return (
    <SectionBody view={view} what="albums" onRetry={retry} empty={noMusic}>
      <SectionGrid view={view} label="Albums" shape="square" metaLines={2} renderCard={renderAlbum} memoryKey={formatRoute(route)} minCellWidth={140} />
    </SectionBody>
  );
}
