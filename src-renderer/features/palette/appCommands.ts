import { useEffect } from 'react';
import { errorMessage, useApi, type Client } from '../../api';
import { navigate, useRoute, type Route, type SettingsTab } from '../../app';
import { plural } from '../../ui';
import { openSearch } from '../search';
import { registerCommands, type Command } from './commands';

/** Says how a command went, in the palette's status line. */
export type Report = (message: string) => void;

const go = (route: Route) => () => navigate(route);

/** The screens, with the g-chords the shell binds (shell/nav.ts); Search is "/". */
function navigationCommands(): Command[] {
  const nav: Array<[id: string, label: string, shortcut: string | undefined, route: Route, keywords?: string[]]> = [
    ['home', 'Go to Home', 'g h', { screen: 'home' }, ['continue watching', 'recently added']],
    ['movies', 'Go to Movies', 'g m', { screen: 'movies', sort: 'title', dir: 'asc', filters: {} }, ['films']],
    ['shows', 'Go to Shows', 'g s', { screen: 'shows', sort: 'title', dir: 'asc' }, ['tv', 'series']],
    ['music', 'Go to Music', 'g u', { screen: 'music', tab: 'artists', sort: 'title', dir: 'asc' }, ['artists']],
    ['albums', 'Go to Albums', undefined, { screen: 'music', tab: 'albums', sort: 'title', dir: 'asc' }, ['music']],
    ['settings', 'Go to Settings', 'g ,', { screen: 'settings', tab: 'library' }, ['preferences']],
    ['privacy', 'Open What we collect', 'g w', { screen: 'privacy', tab: null }, ['privacy', 'telemetry', 'queue']],
  ];
  const screens = nav.map(([id, label, shortcut, route, keywords]): Command => ({ id: `nav.${id}`, label, group: 'Go to', shortcut, keywords, run: go(route) }));
  const search: Command = { id: 'nav.search', label: 'Go to Search', group: 'Go to', shortcut: '/', keywords: ['find'], run: openSearch };
  return [...screens.slice(0, 5), search, ...screens.slice(5), ...settingsTabCommands()];
}

function settingsTabCommands(): Command[] {
  const tabs: Array<[SettingsTab, string, string[]]> = [
    ['library', 'Settings: Library folders', ['add folder', 'scan']],
    ['playback', 'Settings: Playback', ['subtitles', 'audio language', 'transcode', 'autoplay']],
    ['privacy', 'Settings: Privacy', ['telemetry']],
    ['shortcuts', 'Settings: Keyboard shortcuts', ['keys']],
    ['appearance', 'Settings: Appearance', ['theme', 'dark', 'light']],
  ];
  return tabs.map(([tab, label, keywords]) => ({ id: `nav.settings.${tab}`, label, group: 'Go to', keywords, run: go({ screen: 'settings', tab }) }));
}

function themeCommands(client: Client, report: Report): Command[] {
  const themes = [
    ['system', 'Theme: follow the system', 'as the system'],
    ['light', 'Theme: light', 'light'],
    ['dark', 'Theme: dark', 'dark'],
  ] as const;
  return themes.map(([theme, label, said]) => ({
    id: `theme.${theme}`,
    label,
    group: 'Appearance',
    keywords: ['appearance', 'colour', 'color', 'mode'],
    run: () => client['settings.update']({ theme }).then(() => report(`Theme set to ${said}.`)),
  }));
}

function scanCommand(client: Client, report: Report): Command {
  return {
    id: 'library.scan',
    label: 'Scan all folders',
    group: 'Library',
    keywords: ['rescan', 'refresh', 'update library'],
    run: () => {
      report('Scanning all folders…');
      return client['library.scan']({}).then((s) => report(`Scan finished: ${plural(s.added, 'item')} added, ${s.removed} removed${s.failedCount ? `, ${plural(s.failedCount, 'file')} unreadable` : ''}.`));
    },
  };
}

/** Watched marks for the page shown: an item's own, or every episode of a show. */
function watchedCommands(client: Client, route: Route, report: Report): Command[] {
  if (route.screen !== 'item' && route.screen !== 'show') return [];
  const kind = route.screen;
  const what = kind === 'show' ? 'Marked every episode as' : 'Marked as';
  const mark = (watched: boolean) => () => client['library.setWatched']({ kind, id: route.id, watched }).then(() => report(`${what} ${watched ? 'watched' : 'unwatched'}.`));
  return [
    { id: 'library.markWatched', label: kind === 'show' ? 'Mark show as watched' : 'Mark as watched', group: 'Library', keywords: ['seen', 'played'], run: mark(true) },
    { id: 'library.markUnwatched', label: kind === 'show' ? 'Mark show as unwatched' : 'Mark as unwatched', group: 'Library', keywords: ['unseen'], run: mark(false) },
  ];
}

/** Registers the palette's own commands: screens, theme, scan, and the watched marks of the page shown. */
export function useAppCommands(report: Report): void {
  const client = useApi();
  const route = useRoute();
  const page = route.screen === 'item' || route.screen === 'show' ? route : null;
  const pageKey = page ? `${page.screen}/${page.id}` : '';
  useEffect(() => registerCommands([...navigationCommands(), ...themeCommands(client, report), scanCommand(client, report)]), [client, report]);
  useEffect(() => {
    if (!pageKey) return;
    const [screen, id] = pageKey.split('/') as ['item' | 'show', string];
    return registerCommands(watchedCommands(client, { screen, id }, report));
  }, [client, pageKey, report]);
}

/** Runs a command, saying what went wrong if it fails. */
export function runReporting(run: () => unknown, report: Report): void {
  try {
    void Promise.resolve(run()).catch((error: unknown) => report(`That did not work: ${errorMessage(error)}`));
  } catch (error) {
    report(`That did not work: ${errorMessage(error)}`);
  }
}
