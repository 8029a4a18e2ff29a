import type { LibraryDetail } from '../../../api';
import { formatRoute } from '../../../app';
import type { LibraryQuery } from '../../../data/useLibraryQuery';
import { Icon, Plot, formatRuntime } from '../../../ui';
import { episodeLabel, episodeTitle, resolutionLabel } from '../model/facts';
import { ActionBar, PlayButtons, WatchedButton } from './Actions';
import { DetailPage, ResumeProgress, Title } from './DetailPage';
import { FileFactsList } from './FileFactsList';
import { Hero, MetaLine } from './Hero';

type EpisodeDetail = Extract<LibraryDetail, { kind: 'episode' }>;

/** The episode after this one, as a link to its page; "last episode" at the end of the show. */
function NextEpisode({ next }: { next: EpisodeDetail['next'] }) {
  // Only a null `next` says the show ends here; an answer without one says nothing.
  if (!next) return next === null ? <p className="dt-next muted">This is the last episode.</p> : null;
  const title = episodeTitle(next);
  return (
    <p className="dt-next">
      <span className="dt-next-label">Next</span>
      <a href={formatRoute({ screen: 'item', id: next.id })} title={title}>
        <span className="dt-next-code">{episodeLabel(next)}</span> <span className="dt-next-title">{title}</span>
        <Icon.Next />
      </a>
    </p>
  );
}

/** An episode: its show (a link) and place in it, Play or Resume, watched mark, the next episode, the file. */
export function EpisodePage({ detail, query }: { detail: EpisodeDetail; query: LibraryQuery<LibraryDetail> }) {
  const { episode, show, file, next } = detail;
  const title = episodeTitle(episode);
  return (
    <DetailPage query={query} className="dt-episode">
      <Hero title={show.title} art={show.posterUrl} fanart={show.fanartUrl} shape="poster">
        <p className="dt-eyebrow">
          <a href={formatRoute({ screen: 'show', id: show.id })} title={show.title}>
            {show.title}
          </a>
          <span aria-hidden="true"> · </span>
          <span className="dt-code">{episodeLabel(episode)}</span>
        </p>
        <Title>{title}</Title>
        <MetaLine parts={[formatRuntime(episode.durationSec), resolutionLabel(episode.width, episode.height)]} />
        <ResumeProgress resumeSec={episode.resumeSec} durationSec={episode.durationSec} />
        <ActionBar>
          <PlayButtons id={episode.id} resumeSec={episode.resumeSec} />
          <WatchedButton kind="item" id={episode.id} watched={episode.watched} answer={detail} />
        </ActionBar>
        {episode.plot ? <Plot className="dt-plot" text={episode.plot} /> : null}
        <NextEpisode next={next} />
      </Hero>
      <div className="dt-body">
        <FileFactsList media={episode} file={file} />
      </div>
    </DetailPage>
  );
}
