/** The player feature's door. */
export { Player } from './components/Player/Player';
export { NowPlayingBar } from './components/NowPlayingBar/NowPlayingBar';
export { VideoLayer } from './components/VideoLayer/VideoLayer';
export { PlayError } from './components/PlayError/PlayError';
export { createPlayQueue, currentEntry, type PlayQueueTrack } from './model/playQueue';
export { createPreloader } from './model/preloader';
export { openInputFor } from './model/capabilities';
export { createNowPlaying, type NowPlaying, type NowPlayingState, type VideoChoice } from './model/nowPlaying';
export { detailsFromLibrary, type ItemDetails } from './model/details';
export { languageNames } from './model/languages';
