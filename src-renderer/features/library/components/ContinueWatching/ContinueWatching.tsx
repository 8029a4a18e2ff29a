import type { LibrarySnapshot } from '../../../../api';
import { Icon, cx, formatDuration } from '../../../../ui';
import { episodeCode, hueOf, initialsOf, progressOf } from '../../labels';
import type { PlayProps } from '../../playing';

export interface ContinueWatchingProps extends PlayProps {
  library: LibrarySnapshot;
}

interface Entry {
  id: string;
  /** "Night Train (1998)", "Harbour Lights S01E02": the button is "Resume " and this. */
  name: string;
  title: string;
  detail: string;
  resumeSec: number | null;
  durationSec: number | null;
  watched: boolean;
}

function entriesOf(library: LibrarySnapshot): Entry[] {
  const byId = new Map<string, Entry>();
  for (const m of library.movies) {
    byId.set(m.id, { ...m, name: m.year != null ? `${m.title} (${m.year})` : m.title, title: m.title, detail: m.year != null ? String(m.year) : 'Movie' });
  }
  for (const show of library.shows) {
    for (const season of show.seasons) {
      for (const e of season.episodes) {
        byId.set(e.id, { ...e, name: `${show.title} ${episodeCode(e)}`, title: show.title, detail: [episodeCode(e), e.title].filter(Boolean).join(' · ') });
      }
    }
  }
  return library.continueWatching.flatMap((id) => byId.get(id) ?? []);
}

/** Movies and episodes left part way, most recent first: one press resumes where they stopped. */
export function ContinueWatching({ library, onPlay, playingId }: ContinueWatchingProps) {
  const entries = entriesOf(library);
  if (entries.length === 0) return null;
  return (
    <section className="media-section continue" aria-labelledby="sec-continue">
      <h2 id="sec-continue" className="section-title">
        Continue watching
      </h2>
      <ul className="continue-row">
        {entries.map((e) => {
          const { fraction, text } = progressOf(e);
          const left = e.resumeSec !== null && e.durationSec ? `${formatDuration(Math.max(0, e.durationSec - e.resumeSec))} left` : null;
          return (
            <li key={e.id}>
              <button
                type="button"
                className={cx('continue-tile', playingId === e.id && 'is-playing')}
                aria-label={`Resume ${e.name}`}
                aria-describedby={text ? `continue-${e.id}` : undefined}
                onClick={() => onPlay(e.id)}
              >
                <span className="continue-art" style={{ ['--hue' as string]: hueOf(e.title) }} aria-hidden="true">
                  <span className="continue-initials">{initialsOf(e.title)}</span>
                  <span className="poster-play">
                    <Icon.Play />
                  </span>
                  {fraction !== null ? (
                    <span className="resume-bar resume-poster">
                      <span style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
                    </span>
                  ) : null}
                </span>
                <span className="continue-text">
                  <span className="tile-title" title={e.title}>
                    {e.title}
                  </span>
                  <span className="tile-meta">{[e.detail, left].filter(Boolean).join(' · ')}</span>
                </span>
                {text ? (
                  <span id={`continue-${e.id}`} className="sr-only">
                    {text}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
