import type { SettingsTab } from '../../app';
/** Issue 13: this screen is being built. */
export function SettingsScreen(_props: { tab: SettingsTab }) {
  return <section className="screen" aria-label="SettingsScreen" />;
}
