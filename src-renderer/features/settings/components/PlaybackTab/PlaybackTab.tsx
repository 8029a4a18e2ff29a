import { Switch } from '../../../../ui';
import { QUALITIES } from '../../model/labels';
import { languageOptions } from '../../model/languages';
import type { TranscodeQuality } from '../../model/types';
import { SettingGroup, SettingRow } from '../SettingRow/SettingRow';
import type { SettingsFormProps } from '../WithSettings/WithSettings';

/** Languages, transcode size and autoplay: what the player does without being asked. */
export function PlaybackTab({ settings, update }: SettingsFormProps) {
  return (
    <>
      <SettingGroup id="languages" title="Languages">
        <SettingRow id="setting-audio-language" label="Audio language" help="The audio track played when a file has several. Files with one track play it whatever its language.">
          <LanguageSelect id="setting-audio-language" value={settings.preferredAudioLanguage} none="File’s default" onChange={(code) => update({ preferredAudioLanguage: code })} />
        </SettingRow>
        <SettingRow id="setting-subtitle-language" label="Subtitle language" help="Subtitles shown from the start when a file has them in this language. You can still pick others while playing.">
          <LanguageSelect id="setting-subtitle-language" value={settings.preferredSubtitleLanguage} none="Off" onChange={(code) => update({ preferredSubtitleLanguage: code })} />
        </SettingRow>
      </SettingGroup>
      <SettingGroup id="transcoding" title="Transcoding">
        <SettingRow
          id="setting-quality"
          label="Transcode quality"
          help="The tallest picture made when a file has to be converted to play here. Smaller converts faster and uses less disk; files that play directly are never changed."
        >
          <select id="setting-quality" aria-describedby="setting-quality-help" value={settings.transcodeQuality} onChange={(e) => update({ transcodeQuality: e.target.value as TranscodeQuality })}>
            {QUALITIES.map((q) => (
              <option key={q.value} value={q.value}>
                {q.label}
              </option>
            ))}
          </select>
        </SettingRow>
      </SettingGroup>
      <SettingGroup id="episodes" title="Shows">
        <SettingRow id="setting-autoplay" label="Autoplay next episode" help="At the end of an episode, count down and play the next one." selfLabelled>
          <Switch
            label="Autoplay next episode"
            hideLabel
            describedBy="setting-autoplay-help"
            checked={settings.autoplayNextEpisode}
            onChange={(on) => update({ autoplayNextEpisode: on })}
            after={<span className="switch-state" aria-hidden="true">{settings.autoplayNextEpisode ? 'On' : 'Off'}</span>}
          />
        </SettingRow>
      </SettingGroup>
    </>
  );
}

/** A language by its ISO 639-1 code, or `none` (saved as null). */
function LanguageSelect({ id, value, none, onChange }: { id: string; value: string | null; none: string; onChange: (code: string | null) => void }) {
  return (
    <select id={id} aria-describedby={`${id}-help`} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">{none}</option>
      {languageOptions(value).map((l) => (
        <option key={l.code} value={l.code}>
          {l.name}
        </option>
      ))}
    </select>
  );
}
