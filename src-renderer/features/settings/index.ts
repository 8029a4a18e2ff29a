/** Settings' door: the screen, and the theme the app applies from it. */
export { SettingsScreen } from './components/SettingsScreen/SettingsScreen';
export { useThemeAttribute } from './hooks/useThemeAttribute';
export { applyRememberedTheme } from './model/theme';
