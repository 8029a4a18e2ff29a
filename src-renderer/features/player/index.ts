/** The player feature's door. */
export { Player, DECISION_LABEL, type PlayerProps } from './components/Player/Player';
