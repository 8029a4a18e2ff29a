import { useRef, type ReactNode, type RefObject } from 'react';
import { useApi, type LibrarySnapshot } from '../../../../api';
import { Button, ErrorText, Icon } from '../../../../ui';
import { useLibrary } from '../../hooks/useLibrary';
import { useLibraryFilter, type LibraryFilter } from '../../hooks/useLibraryFilter';
import { countLibrary, countsText, isEmptyLibrary, type LibraryCounts } from '../../model/counts';
import { matchesNothing } from '../../model/searchFilter';
import type { PlayProps } from '../../playing';
import { AlbumList } from '../AlbumList/AlbumList';
import { ContinueWatching } from '../ContinueWatching/ContinueWatching';
import { FolderPanel } from '../FolderPanel/FolderPanel';
import { MovieGrid } from '../MovieGrid/MovieGrid';
import { RecoveryNotice } from '../RecoveryNotice/RecoveryNotice';
import { ScanPanel } from '../ScanPanel/ScanPanel';
import { ShowList } from '../ShowList/ShowList';
import '../../library.css';

export interface LibraryScreenProps extends PlayProps {
  /** Adds a track to the play queue. */
  onAddToPlayQueue?: (itemId: string) => void;
}

/** The library: folders, scanning, and movies, shows and music, each item one keypress from playing. */
export function LibraryScreen({ onPlay, playingId, onAddToPlayQueue }: LibraryScreenProps) {
  const { snapshot, info, loadError, scanning, progress, summary, scanError, store } = useLibrary();
  const filter = useLibraryFilter(snapshot);
  const counts = snapshot ? countLibrary(snapshot) : null;
  const isEmpty = counts ? isEmptyLibrary(counts) : false;
  const filterBox = useRef<HTMLInputElement>(null);
  const clearFilter = () => {
    filter.setQuery('');
    // The Clear button goes away with the message: focus goes back where the user was typing.
    filterBox.current?.focus();
  };
  return (
    <div className="library page">
      <LibraryHeader counts={counts} filter={!isEmpty && snapshot ? filter : null} filterBox={filterBox} scanning={scanning} canScan={!!snapshot && snapshot.folders.length > 0} onScan={() => void store.scan()} />
      {filter.search.state === 'failed' ? <ErrorText>Search failed: {filter.search.message}</ErrorText> : null}
      <RecoveryNotice recovery={snapshot?.recovery ?? null} />
      <ScanPanel scanning={scanning} progress={progress} summary={summary} error={scanError} />
      <ErrorText>{loadError}</ErrorText>
      {snapshot ? (
        <>
          <FolderPanel folders={snapshot.folders} canPickFolders={info?.canPickFolders ?? false} />
          {isEmpty ? (
            <EmptyLibrary hasFolders={snapshot.folders.length > 0} />
          ) : filter.shown && filter.needle !== '' && matchesNothing(filter.shown) ? (
            <NoMatches query={filter.needle} onClear={clearFilter} />
          ) : filter.shown ? (
            <LibraryShelves library={snapshot} shown={filter.shown} filtered={filter.needle !== ''} onPlay={onPlay} playingId={playingId} onAddToPlayQueue={onAddToPlayQueue} />
          ) : null}
        </>
      ) : loadError ? null : (
        <p className="muted">Loading the library…</p>
      )}
    </div>
  );
}

interface LibraryHeaderProps {
  counts: LibraryCounts | null;
  /** The filter box, offered once there is something to filter. */
  filter: Pick<LibraryFilter, 'query' | 'setQuery'> | null;
  filterBox: RefObject<HTMLInputElement | null>;
  scanning: boolean;
  /** There are folders to scan. */
  canScan: boolean;
  onScan: () => void;
}

/** The title with what the library holds, the filter box, and Scan library (Cancel scan while one runs). */
function LibraryHeader({ counts, filter, filterBox, scanning, canScan, onScan }: LibraryHeaderProps) {
  const client = useApi();
  return (
    <header className="page-head row">
      <div>
        <h1>Library</h1>
        {counts ? <p className="muted">{countsText(counts)}</p> : null}
      </div>
      <div className="page-actions">
        {filter ? (
          <input ref={filterBox} type="search" className="library-search" aria-label="Filter library" placeholder="Filter by title, show or artist" value={filter.query} onChange={(e) => filter.setQuery(e.target.value)} />
        ) : null}
        {scanning ? <Button onClick={() => void client['library.cancelScan']({}).catch(() => undefined)}>Cancel scan</Button> : null}
        <Button variant="primary" icon={<Icon.Refresh />} onClick={onScan} disabled={scanning || !canScan}>
          {scanning ? 'Scanning…' : 'Scan library'}
        </Button>
      </div>
    </header>
  );
}

/** What to do when there is nothing to play: add a folder, or scan the ones there are. */
function EmptyLibrary({ hasFolders }: { hasFolders: boolean }) {
  return (
    <div className="empty big">
      <p className="empty-title">{hasFolders ? 'Nothing indexed yet' : 'Your library is empty'}</p>
      <p className="muted">
        {hasFolders
          ? 'Choose Scan library to read the folders above. Files named like “Night Train (1998).mp4” or “Show - S01E02.mkv” are recognised best.'
          : 'Add a folder that holds your movies, shows or music above, then choose Scan library. Glasswing reads the files where they are and never uploads anything about them.'}
      </p>
    </div>
  );
}

/** One calm line when the filter finds nothing anywhere, with the way back (the query is text, never markup). */
function NoMatches({ query, onClear }: { query: string; onClear: () => void }) {
  return (
    <div className="empty big" role="status">
      <p className="empty-title no-matches-query">Nothing matches “{query}”</p>
      <p className="muted">Try fewer words, or the start of a title, show or artist.</p>
      <Button onClick={onClear}>Clear filter</Button>
    </div>
  );
}

interface LibraryShelvesProps extends Pick<LibraryScreenProps, 'onPlay' | 'playingId' | 'onAddToPlayQueue'> {
  library: LibrarySnapshot;
  /** The library as the filter leaves it. */
  shown: LibrarySnapshot;
  filtered: boolean;
}

/** Continue watching (unless filtering), then movies, shows and music. */
function LibraryShelves({ library, shown, filtered, onPlay, playingId, onAddToPlayQueue }: LibraryShelvesProps) {
  return (
    <>
      {filtered ? null : <ContinueWatching library={library} onPlay={onPlay} playingId={playingId} />}
      <MediaSection id="sec-movies" title="Movies" count={shown.movies.length} empty={filtered ? 'No movies match.' : 'No movies yet.'}>
        <MovieGrid movies={shown.movies} onPlay={onPlay} playingId={playingId} />
      </MediaSection>
      <MediaSection id="sec-shows" title="Shows" count={shown.shows.length} empty={filtered ? 'No shows match.' : 'No shows yet.'}>
        <ShowList shows={shown.shows} onPlay={onPlay} playingId={playingId} />
      </MediaSection>
      <MediaSection id="sec-music" title="Music" count={shown.albums.length} empty={filtered ? 'No music matches.' : 'No music yet.'}>
        <AlbumList albums={shown.albums} onPlay={onPlay} playingId={playingId} onAddToPlayQueue={onAddToPlayQueue} />
      </MediaSection>
    </>
  );
}

/** One kind of media under its heading and count, or a line saying there is none (or none that matches). */
function MediaSection({ id, title, count, empty, children }: { id: string; title: string; count: number; empty: string; children: ReactNode }) {
  return (
    <section className="media-section" aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title} <span className="count">{count}</span>
      </h2>
      {count ? children : <p className="muted small">{empty}</p>}
    </section>
  );
}
