import { useId } from 'react';
import type { HomeShelves, LibraryChangeScope, LibraryStatus } from '../../api';
import { useLibraryQuery, type LibraryQuery } from '../../data/useLibraryQuery';
import { homeItemIds, shelvesOf } from './homeModel';
import { FirstFolder, HomeError, HomeSkeleton, NothingIndexed, NothingStarted } from './HomeStates';
import { Shelf, moveBetweenShelves } from './Shelf';
import './home.css';

const HOME_SCOPES: readonly LibraryChangeScope[] = ['home', 'movies', 'shows', 'albums'];
const STATUS_SCOPES: readonly LibraryChangeScope[] = ['folders'];

/** Home (`#/`): what to go on with (Continue watching, Up next) and what is new, as shelves of cards. */
export function HomeScreen() {
  const headingId = useId();
  const home = useLibraryQuery('library.home', {}, { scopes: HOME_SCOPES, itemsOf: homeItemIds });
  // The folders tell a library with none ("add one") from one with nothing started yet.
  const status = useLibraryQuery('library.status', {}, { scopes: STATUS_SCOPES });
  return (
    <section className="page home" aria-labelledby={headingId}>
      <h1 id={headingId}>Home</h1>
      <HomeBody home={home} status={status} />
    </section>
  );
}

function HomeBody({ home, status }: { home: LibraryQuery<HomeShelves>; status: LibraryQuery<LibraryStatus> }) {
  const error = home.error ?? status.error;
  const retry = () => {
    if (home.error) home.reload();
    if (status.error) status.reload();
  };
  if (!home.data || !status.data) return error ? <HomeError message={error} onRetry={retry} /> : <HomeSkeleton />;
  if (status.data.folders.length === 0) return <FirstFolder />;
  const shelves = shelvesOf(home.data);
  const shown = shelves.filter((s) => s.cards.length > 0);
  if (shown.length === 0) return <NothingIndexed />;
  const started = home.data.continueWatching.length > 0 || home.data.upNext.length > 0;
  return (
    <>
      {error ? <HomeError message={error} onRetry={retry} /> : null}
      {started ? null : <NothingStarted />}
      <div className="home-shelves" onKeyDown={moveBetweenShelves}>
        {shown.map((shelf) => (
          <Shelf key={shelf.id} shelf={shelf} />
        ))}
      </div>
    </>
  );
}
