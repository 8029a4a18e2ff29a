import type { ReactElement } from 'react';
import { Icon } from '../ui';
import type { Route } from '../app';

export type Section = 'home' | 'movies' | 'shows' | 'music' | 'search' | 'settings' | 'privacy';

export interface NavEntry {
  section: Section;
  label: string;
  /** The key that goes there after "g". */
  key: string;
  icon: () => ReactElement;
  route: Route;
}

/** The sections of the main navigation, in order. */
export const NAV: readonly NavEntry[] = [
  { section: 'home', label: 'Home', key: 'h', icon: Icon.Home, route: { screen: 'home' } },
  { section: 'movies', label: 'Movies', key: 'm', icon: Icon.Film, route: { screen: 'movies', sort: 'title', dir: 'asc', filters: {} } },
  { section: 'shows', label: 'Shows', key: 's', icon: Icon.Tv, route: { screen: 'shows', sort: 'title', dir: 'asc' } },
  { section: 'music', label: 'Music', key: 'u', icon: Icon.Music, route: { screen: 'music', tab: 'artists', sort: 'title', dir: 'asc' } },
  { section: 'search', label: 'Search', key: '/', icon: Icon.Search, route: { screen: 'search', query: '' } },
  { section: 'settings', label: 'Settings', key: ',', icon: Icon.Settings, route: { screen: 'settings', tab: 'library' } },
  { section: 'privacy', label: 'What we collect', key: 'w', icon: Icon.Eye, route: { screen: 'privacy', tab: null } },
];
