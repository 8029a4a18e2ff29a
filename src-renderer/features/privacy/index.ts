/** The privacy feature's door: first-run consent and the "What we collect" screen. */
export { FirstRun } from './components/FirstRun/FirstRun';
export { PrivacyScreen } from './components/PrivacyScreen/PrivacyScreen';
export { usePrivacy } from './hooks/usePrivacy';
