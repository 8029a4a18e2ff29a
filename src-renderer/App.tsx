import { useEffect, type MouseEvent } from 'react';
import { useApi, type ConnectionState } from './api';
import { navigate, PlaybackProvider, sectionOf, trackHistoryDepth, useRoute } from './app';
import { PaletteHost } from './features/palette';
import { FirstRun, usePrivacy } from './features/privacy';
import { useSearchKey } from './features/search';
import { useThemeAttribute } from './features/settings';
import { BootScreen } from './BootScreen';
import { CurrentScreen } from './shell/CurrentScreen';
import { PlayerLayer } from './shell/PlayerLayer';
import { Sidebar } from './shell/Sidebar';
import { useBackKeys } from './shell/useBackKeys';
import { useGoToKeys } from './shell/useGoToKeys';
import { useNowPlaying } from './shell/useNowPlaying';
import { usePlaybackControls } from './shell/usePlaybackControls';
import { useStore } from './ui';

/** Gate: the first-run privacy screen until it has been seen, then the app. */
export function App() {
  useThemeAttribute();
  const { snapshot, error } = usePrivacy();
  if (!snapshot) return error ? <BootScreen state={{ kind: 'unreachable', message: error }} /> : <BootScreen state={{ kind: 'connecting' }} />;
  if (!snapshot.consent.seen) return <FirstRun />;
  return <Shell />;
}

/** The shell: navigation, the screen the address names, and the player (which keeps playing across screens). */
function Shell() {
  const client = useApi();
  const connection = useStore(client.connection);
  const route = useRoute();
  const now = useNowPlaying();
  const playback = usePlaybackControls(now);
  useGoToKeys(navigate);
  useBackKeys();
  useSearchKey();
  useEffect(trackHistoryDepth, []);
  return (
    <PlaybackProvider value={playback}>
      {/* Under a playing video the app is inert: the video layer is modal, and Back returns to it as it was. */}
      <div className="shell" inert={now.video !== null}>
        <a className="skip-link" href="#main" onClick={skipToMain}>
          Skip to content
        </a>
        <Sidebar active={sectionOf(route)} />
        <main id="main" className="content" tabIndex={-1}>
          <ConnectionBanner state={connection} />
          <CurrentScreen route={route} />
        </main>
      </div>
      <PlayerLayer now={now} />
      <PaletteHost />
    </PlaybackProvider>
  );
}

/** The skip link focuses the content without touching the hash, which holds the route. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

function ConnectionBanner({ state }: { state: ConnectionState }) {
  if (state === 'reconnecting')
    return (
      <div className="banner" role="alert">
        Lost the connection to Glasswing. Reconnecting…
      </div>
    );
  if (state === 'expired')
    return (
      <div className="banner banner-bad" role="alert">
        This address has expired. Open Glasswing from the address it printed most recently.
      </div>
    );
  return null;
}
