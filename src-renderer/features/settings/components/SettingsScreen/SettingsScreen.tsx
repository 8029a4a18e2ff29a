import { navigate, type SettingsTab } from '../../../../app';
import { TabPanel, Tabs, type TabItem } from '../../../../ui';
import { useSettings } from '../../hooks/useSettings';
import { AppearanceTab } from '../AppearanceTab/AppearanceTab';
import { LibraryTab } from '../LibraryTab/LibraryTab';
import { PlaybackTab } from '../PlaybackTab/PlaybackTab';
import { PrivacyTab } from '../PrivacyTab/PrivacyTab';
import { SaveNote } from '../SaveNote/SaveNote';
import { ShortcutsTab } from '../ShortcutsTab/ShortcutsTab';
import { WithSettings } from '../WithSettings/WithSettings';
import '../../settings.css';

const TABS: ReadonlyArray<TabItem<SettingsTab>> = [
  { id: 'library', label: 'Library' },
  { id: 'playback', label: 'Playback' },
  { id: 'privacy', label: 'Privacy' },
  { id: 'shortcuts', label: 'Shortcuts' },
  { id: 'appearance', label: 'Appearance' },
];

/** The tab is the address (`#/settings/<tab>`): replaced, not pushed, so Back leaves Settings rather than walking its tabs. */
function selectTab(tab: SettingsTab) {
  navigate({ screen: 'settings', tab }, { replace: true });
}

/** Settings: each change saves at once and reaches every window; the tab shown is the route's. */
export function SettingsScreen({ tab }: { tab: SettingsTab }) {
  const { note } = useSettings();
  return (
    <div className="settings page">
      <header className="page-head row">
        <div className="page-title">
          <h1>Settings</h1>
          <p className="muted">Changes are saved as you make them, in every Glasswing window at once.</p>
        </div>
        <SaveNote note={note} />
      </header>
      <Tabs label="Settings" idPrefix="settings" tabs={TABS} selected={tab} onSelect={selectTab} />
      <TabPanel idPrefix="settings" id={tab} className="settings-panel">
        <TabContent tab={tab} />
      </TabPanel>
    </div>
  );
}

function TabContent({ tab }: { tab: SettingsTab }) {
  switch (tab) {
    case 'library':
      return <LibraryTab />;
    case 'playback':
      return <WithSettings>{(props) => <PlaybackTab {...props} />}</WithSettings>;
    case 'privacy':
      return <WithSettings>{(props) => <PrivacyTab {...props} />}</WithSettings>;
    case 'shortcuts':
      return <ShortcutsTab />;
    case 'appearance':
      return <WithSettings>{(props) => <AppearanceTab {...props} />}</WithSettings>;
  }
}
