import type { Route } from '../app';
import { AlbumScreen, ArtistScreen, ItemScreen, ShowScreen } from '../features/details';
import { HomeScreen } from '../features/home';
import { PrivacyScreen } from '../features/privacy';
import { SearchScreen } from '../features/search';
import { MoviesScreen, MusicScreen, ShowsScreen } from '../features/sections';
import { SettingsScreen } from '../features/settings';

/** The screen a route names. Keyed by the page's id, so moving from one album to another starts fresh. */
export function CurrentScreen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'home':
      return <HomeScreen />;
    case 'movies':
      return <MoviesScreen route={route} />;
    case 'shows':
      return <ShowsScreen route={route} />;
    case 'music':
      return <MusicScreen route={route} />;
    case 'show':
      return <ShowScreen key={route.id} id={route.id} />;
    case 'artist':
      return <ArtistScreen key={route.id} id={route.id} />;
    case 'album':
      return <AlbumScreen key={route.id} id={route.id} />;
    case 'item':
      return <ItemScreen key={route.id} id={route.id} />;
    case 'search':
      return <SearchScreen query={route.query} />;
    case 'settings':
      return <SettingsScreen tab={route.tab} />;
    case 'privacy':
      return <PrivacyScreen />;
  }
}
