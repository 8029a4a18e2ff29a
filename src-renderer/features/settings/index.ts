/** Settings' door. */
export { SettingsScreen } from './SettingsScreen';
