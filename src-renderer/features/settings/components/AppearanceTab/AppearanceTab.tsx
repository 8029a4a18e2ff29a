import type { Theme } from '../../model/types';
import type { SettingsFormProps } from '../WithSettings/WithSettings';

const THEMES: ReadonlyArray<{ value: Theme; label: string; help: string }> = [
  { value: 'system', label: 'System', help: 'Light or dark as your system is set, changing when it does.' },
  { value: 'light', label: 'Light', help: 'Always light.' },
  { value: 'dark', label: 'Dark', help: 'Always dark.' },
];

/** The theme, as a radio group: arrows move the choice, and each choice applies and saves at once. */
export function AppearanceTab({ settings, update }: SettingsFormProps) {
  return (
    <fieldset className="settings-group theme-choice" role="radiogroup">
      <legend className="section-title">Theme</legend>
      <div className="theme-options">
        {THEMES.map((t) => (
          <label key={t.value} className="theme-option">
            <input
              type="radio"
              name="theme"
              value={t.value}
              aria-label={t.label}
              aria-describedby={`theme-${t.value}-help`}
              checked={settings.theme === t.value}
              onChange={() => update({ theme: t.value })}
            />
            <Swatch theme={t.value} />
            <span className="theme-text">
              <span className="theme-name">{t.label}</span>
              <span id={`theme-${t.value}-help`} className="theme-help">
                {t.help}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A small picture of the app in a theme. Each half is in its own scheme (ui/theme.css's .scheme-light and
 * .scheme-dark), so the theme's variables draw it in that theme whatever the page is in; System shows both.
 */
function Swatch({ theme }: { theme: Theme }) {
  const schemes = theme === 'system' ? (['light', 'dark'] as const) : [theme];
  return (
    <span className="theme-swatch" aria-hidden="true">
      {schemes.map((scheme) => (
        <span key={scheme} className={`swatch scheme-${scheme}`}>
          <span className="swatch-side" />
          <span className="swatch-main">
            <span className="swatch-line" />
            <span className="swatch-line short" />
            <span className="swatch-accent" />
          </span>
        </span>
      ))}
    </span>
  );
}
