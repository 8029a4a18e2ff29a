/** The player feature's door. */
export { Player, DECISION_LABEL, type PlayerProps } from './components/Player/Player';
export { createPlayQueue, currentEntry, type PlayQueue, type QueueTrack } from './model/queue';
export { createPreloader, type Preloader } from './model/preloader';
export { openInputFor } from './model/capabilities';
