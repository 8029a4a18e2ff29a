import type { ReactNode } from 'react';
import { Button, ErrorText } from '../../../../ui';
import { useSettings } from '../../hooks/useSettings';
import type { Settings, SettingsPatch } from '../../model/types';

export interface SettingsFormProps {
  settings: Settings;
  update: (patch: SettingsPatch) => void;
}

/** Renders a tab once settings are in; until then says they are loading, or why they could not be. */
export function WithSettings({ children }: { children: (props: SettingsFormProps) => ReactNode }) {
  const { settings, loadError, update, reload } = useSettings();
  if (settings) return children({ settings, update });
  if (loadError)
    return (
      <div className="settings-load-error">
        <ErrorText>Settings could not be loaded: {loadError}</ErrorText>
        <Button onClick={reload}>Try again</Button>
      </div>
    );
  return (
    <p className="muted" role="status">
      Loading settings…
    </p>
  );
}
