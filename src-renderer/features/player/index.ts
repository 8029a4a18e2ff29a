/** The player feature's door. */
export { Player, type PlayerProps } from './components/Player/Player';
export { DECISION_LABEL } from './model/decision';
export { createPlayQueue, currentEntry, type PlayQueue, type PlayQueueTrack } from './model/playQueue';
export { createPreloader, type Preloader } from './model/preloader';
export { openInputFor } from './model/capabilities';
export { detailsOf, type ItemDetails } from './model/details';
