export { openHistory, type HistoryService } from './history.js';
