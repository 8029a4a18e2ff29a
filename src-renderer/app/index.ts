/**
 * What every screen may use of the app around it: addresses (routes, links, Back) and the player. Screens
 * import this door, never the shell, which composes them.
 */
export { formatRoute, parentOf, parseRoute, sectionOf, type MusicTab, type Route, type RouteOf, type ScreenName, type SettingsTab } from './routes';
export { goBack, navigate, trackHistoryDepth, useRoute } from './useRoute';
export { PlaybackProvider, usePlayback, type Playback } from './playback';
