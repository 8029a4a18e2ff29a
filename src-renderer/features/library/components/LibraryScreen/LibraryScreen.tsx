import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useApi, useNoteFeature } from '../../../../api';
import { Button, Icon, plural } from '../../../../ui';
import { useLibrary } from '../../hooks/useLibrary';
import { useLibrarySearch } from '../../hooks/useLibrarySearch';
import { filterByHits } from '../../model/searchFilter';
import { AlbumList } from '../AlbumList/AlbumList';
import { ContinueWatching } from '../ContinueWatching/ContinueWatching';
import { FolderPanel } from '../FolderPanel/FolderPanel';
import { MovieGrid } from '../MovieGrid/MovieGrid';
import { RecoveryNotice } from '../RecoveryNotice/RecoveryNotice';
import { ScanPanel } from '../ScanPanel/ScanPanel';
import { ShowList } from '../ShowList/ShowList';
import '../../library.css';

export interface LibraryScreenProps {
  onPlay: (itemId: string) => void;
  playingId: string | null;
  /** Adds a track to the play queue. */
  onAddToPlayQueue?: (itemId: string) => void;
}

/** The library: folders, scanning, and movies, shows and music, each item one keypress from playing. */
export function LibraryScreen({ onPlay, playingId, onAddToPlayQueue }: LibraryScreenProps) {
  const client = useApi();
  const { snapshot, info, loadError, scanning, progress, summary, scanError, store } = useLibrary();
  const [query, setQuery] = useState('');
  const needle = useDeferredValue(query.trim());
  const search = useLibrarySearch(needle, snapshot);
  // While the first answer is on its way the whole library stays up; after that, the last answer does.
  const shown = useMemo(() => (snapshot && search.state === 'done' ? filterByHits(snapshot, search.hits) : snapshot), [snapshot, search]);
  const noteFeature = useNoteFeature();
  useEffect(() => {
    if (needle) noteFeature('search');
  }, [needle, noteFeature]);

  const counts = snapshot
    ? {
        movies: snapshot.movies.length,
        episodes: snapshot.shows.reduce((n, s) => n + s.seasons.reduce((m, se) => m + se.episodes.length, 0), 0),
        tracks: snapshot.albums.reduce((n, a) => n + a.tracks.length, 0),
      }
    : null;
  const isEmpty = counts ? counts.movies + counts.episodes + counts.tracks === 0 : false;

  return (
    <div className="library page">
      <header className="page-head row">
        <div>
          <h1>Library</h1>
          {counts ? (
            <p className="muted">
              {plural(counts.movies, 'movie')} · {plural(snapshot?.shows.length ?? 0, 'show')} ({plural(counts.episodes, 'episode')}) ·{' '}
              {plural(snapshot?.albums.length ?? 0, 'album')}
              {snapshot && snapshot.unparseableCount > 0 ? ` · ${plural(snapshot.unparseableCount, 'file')} could not be read` : ''}
            </p>
          ) : null}
        </div>
        <div className="page-actions">
          {!isEmpty && snapshot ? (
            <input type="search" className="library-search" aria-label="Filter library" placeholder="Filter by title, show or artist" value={query} onChange={(e) => setQuery(e.target.value)} />
          ) : null}
          {scanning ? (
            <Button onClick={() => void client['library.cancelScan']({}).catch(() => undefined)}>Cancel scan</Button>
          ) : null}
          <Button variant="primary" icon={<Icon.Refresh />} onClick={() => void store.scan()} disabled={scanning || !snapshot || snapshot.folders.length === 0}>
            {scanning ? 'Scanning…' : 'Scan library'}
          </Button>
        </div>
      </header>

      {search.state === 'failed' ? (
        <p role="alert" className="error-text">
          Search failed: {search.message}
        </p>
      ) : null}
      <RecoveryNotice recovery={snapshot?.recovery ?? null} />
      <ScanPanel scanning={scanning} progress={progress} summary={summary} error={scanError} />
      {loadError ? (
        <p role="alert" className="error-text">
          {loadError}
        </p>
      ) : null}

      {snapshot ? (
        <>
          <FolderPanel folders={snapshot.folders} canPickFolders={info?.canPickFolders ?? false} />

          {isEmpty ? (
            <div className="empty big">
              <p className="empty-title">{snapshot.folders.length === 0 ? 'Your library is empty' : 'Nothing indexed yet'}</p>
              <p className="muted">
                {snapshot.folders.length === 0
                  ? 'Add a folder that holds your movies, shows or music above, then choose Scan library. Glasswing reads the files where they are and never uploads anything about them.'
                  : 'Choose Scan library to read the folders above. Files named like “Night Train (1998).mp4” or “Show - S01E02.mkv” are recognised best.'}
              </p>
            </div>
          ) : shown ? (
            <>
              {needle ? null : <ContinueWatching library={snapshot} onPlay={onPlay} playingId={playingId} />}
              <section className="media-section" aria-labelledby="sec-movies">
                <h2 id="sec-movies" className="section-title">
                  Movies <span className="count">{shown.movies.length}</span>
                </h2>
                {shown.movies.length ? <MovieGrid movies={shown.movies} onPlay={onPlay} playingId={playingId} /> : <p className="muted small">{needle ? 'No movies match.' : 'No movies yet.'}</p>}
              </section>
              <section className="media-section" aria-labelledby="sec-shows">
                <h2 id="sec-shows" className="section-title">
                  Shows <span className="count">{shown.shows.length}</span>
                </h2>
                {shown.shows.length ? <ShowList shows={shown.shows} onPlay={onPlay} playingId={playingId} /> : <p className="muted small">{needle ? 'No shows match.' : 'No shows yet.'}</p>}
              </section>
              <section className="media-section" aria-labelledby="sec-music">
                <h2 id="sec-music" className="section-title">
                  Music <span className="count">{shown.albums.length}</span>
                </h2>
                {shown.albums.length ? <AlbumList albums={shown.albums} onPlay={onPlay} playingId={playingId} {...(onAddToPlayQueue ? { onAddToPlayQueue } : {})} /> : <p className="muted small">{needle ? 'No music matches.' : 'No music yet.'}</p>}
              </section>
            </>
          ) : null}
        </>
      ) : loadError ? null : (
        <p className="muted">Loading the library…</p>
      )}
    </div>
  );
}
