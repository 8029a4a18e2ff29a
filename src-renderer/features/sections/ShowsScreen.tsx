import { useCallback } from 'react';
import type { GroupSort, ShowSummary, SortDirection } from '../../api';
import { formatRoute, navigate, type RouteOf } from '../../app';
import { ShowCard } from './components/cards';
import { SectionGrid } from './components/SectionGrid';
import { AddFolderHint, EmptySection, SectionBody, SectionHeader } from './components/SectionStates';
import { GROUP_SORTS, SortControls } from './components/SortControls';
import { usePagedSection } from './hooks/usePagedSection';
import { useSectionCounts } from './hooks/useSectionCounts';
import './sections.css';

const renderShow = (show: ShowSummary, tabbable: boolean) => <ShowCard item={show} tabbable={tabbable} />;

/** Shows: every show as a poster grid with its unwatched episodes counted, sorted by the route. */
export function ShowsScreen({ route }: { route: RouteOf<'shows'> }) {
  const counts = useSectionCounts();
  const view = usePagedSection({ section: 'shows', sort: route.sort, direction: route.dir }, counts.data?.shows);
  const setSort = useCallback((sort: GroupSort, dir: SortDirection) => navigate({ ...route, sort, dir }, { replace: true }), [route]);
  const retry = () => {
    counts.reload();
    view.retry();
  };
  return (
    <section className="section-page" aria-labelledby="shows-title">
      <SectionHeader id="shows-title" title="Shows" count={counts.data?.shows ?? null} loading={counts.loading}>
        <div className="section-toolbar">
          <SortControls options={GROUP_SORTS} sort={route.sort} dir={route.dir} onChange={setSort} />
        </div>
      </SectionHeader>
      <SectionBody
        view={view}
        what="shows"
        onRetry={retry}
        empty={
          <EmptySection title="No shows yet">
            <AddFolderHint kind="shows (one folder per show, seasons inside)" />
          </EmptySection>
        }
      >
        <SectionGrid view={view} label="Shows" shape="poster" metaLines={1} renderCard={renderShow} memoryKey={formatRoute(route)} />
      </SectionBody>
    </section>
  );
}
