import { useState } from 'react';
import type { LibraryDetail, Show } from '../../../api';
import { usePlayback } from '../../../app';
import type { LibraryQuery } from '../../../data/useLibraryQuery';
import { Button, Icon, Plot, TabPanel, Tabs, plural } from '../../../ui';
import { episodeLabel, seasonLabel } from '../model/facts';
import { showNext } from '../model/upNext';
import { ActionBar, WatchedButton } from './Actions';
import { DetailPage, Title } from './DetailPage';
import { EpisodeList } from './EpisodeList';
import { ExtrasList } from './ExtrasList';
import { Hero, MetaLine } from './Hero';

type ShowDetail = Extract<LibraryDetail, { kind: 'show' }>;

/** The show's main button: Resume where it was left, the next unwatched episode, or the first one again. */
function ShowPlayButton({ show }: { show: Show }) {
  const { playItem } = usePlayback();
  const next = showNext(show);
  if (!next) return null;
  const code = episodeLabel(next.episode);
  const label = next.resume ? `Resume ${code}` : next.again ? `Play again from ${code}` : `Play ${code}`;
  return (
    <Button variant="primary" icon={<Icon.Play />} onClick={() => playItem(next.episode.id, { fromStart: next.again })}>
      {label}
    </Button>
  );
}

/** Seasons as tabs (arrows move between them) over the chosen season's episodes; a lone season needs no tabs. */
function Seasons({ show }: { show: Show }) {
  const seasons = show.seasons;
  const [chosen, setChosen] = useState(() => String(showNext(show)?.episode.season ?? seasons[0]?.season ?? 0));
  const season = seasons.find((s) => String(s.season) === chosen) ?? seasons[0];
  if (!season) return <p className="empty">This show has no episodes in the library. A rescan picks up episodes added to its folder.</p>;
  const label = `${seasonLabel(season.season)} episodes`;
  if (seasons.length === 1)
    return (
      <section className="dt-section" aria-labelledby="dt-season-title">
        <h2 id="dt-season-title" className="dt-section-title">
          {seasonLabel(season.season)} <span className="count">{season.episodes.length}</span>
        </h2>
        <EpisodeList episodes={season.episodes} label={label} />
      </section>
    );
  const tabs = seasons.map((s) => ({ id: String(s.season), label: seasonLabel(s.season), badge: s.episodes.length }));
  return (
    <section className="dt-section dt-seasons" aria-label="Seasons">
      <Tabs tabs={tabs} selected={String(season.season)} onSelect={setChosen} label="Seasons" idPrefix="dt-season" />
      <TabPanel idPrefix="dt-season" id={String(season.season)} className="dt-season-panel">
        <EpisodeList key={season.season} episodes={season.episodes} label={label} />
      </TabPanel>
    </section>
  );
}

/** A show: poster over its fanart, what to play next, watched for the whole show, seasons, extras. */
export function ShowPage({ detail, query }: { detail: ShowDetail; query: LibraryQuery<LibraryDetail> }) {
  const { show } = detail;
  const episodes = show.seasons.flatMap((s) => s.episodes);
  const unwatched = episodes.filter((e) => !e.watched).length;
  return (
    <DetailPage query={query} className="dt-show">
      <Hero title={show.title} art={show.posterUrl} fanart={show.fanartUrl} shape="poster">
        <p className="dt-eyebrow">Show</p>
        <Title>{show.title}</Title>
        <MetaLine parts={[plural(show.seasons.length, 'season'), plural(episodes.length, 'episode'), unwatched > 0 && unwatched < episodes.length && `${unwatched} unwatched`]} />
        <ActionBar>
          <ShowPlayButton show={show} />
          {episodes.length > 0 ? <WatchedButton kind="show" id={show.id} watched={unwatched === 0} answer={detail} noun="show" /> : null}
        </ActionBar>
        {show.plot ? <Plot className="dt-plot" text={show.plot} /> : null}
      </Hero>
      <div className="dt-body">
        <Seasons show={show} />
        <ExtrasList owner={show.title} extras={show.extras} />
      </div>
    </DetailPage>
  );
}
