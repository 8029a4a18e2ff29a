import { formatRoute } from '../../../../app';
import { reviewLabel, reviewOptions, reviewSentence } from '../../model/reviewWindow';
import { SettingGroup, SettingRow } from '../SettingRow/SettingRow';
import type { SettingsFormProps } from '../WithSettings/WithSettings';

/** The telemetry review window (until now only in settings.json), and the way to everything else about it. */
export function PrivacyTab({ settings, update }: SettingsFormProps) {
  const hours = settings.telemetryReviewHours;
  return (
    <>
      <SettingGroup id="telemetry" title="Telemetry">
        <SettingRow id="setting-review" label="Review window" help={reviewSentence(hours)}>
          <select id="setting-review" aria-describedby="setting-review-help" value={String(hours)} onChange={(e) => update({ telemetryReviewHours: Number(e.target.value) })}>
            {reviewOptions(hours).map((h) => (
              <option key={h} value={String(h)}>
                {reviewLabel(h)}
              </option>
            ))}
          </select>
        </SettingRow>
      </SettingGroup>
      <p className="settings-aside">
        Whether anything is recorded at all, which kinds, and whether it may be sent are chosen on{' '}
        <a href={formatRoute({ screen: 'privacy', tab: null })}>What we collect</a>, which also shows every event waiting and everything
        that was ever sent. Everything is off until you turn it on there.
      </p>
    </>
  );
}
