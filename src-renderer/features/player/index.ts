/** The player feature's door. */
export { Player } from './components/Player/Player';
export { createPlayQueue, currentEntry, type PlayQueueTrack } from './model/playQueue';
export { createPreloader } from './model/preloader';
export { openInputFor } from './model/capabilities';
export { detailsOf, type ItemDetails } from './model/details';
