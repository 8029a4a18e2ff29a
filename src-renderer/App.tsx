import { useState } from 'react';
import { useApi, type ConnectionState } from './api';
import { LibraryScreen } from './features/library';
import { Player } from './features/player';
import { FirstRun, PrivacyScreen, usePrivacy } from './features/privacy';
import { BootScreen } from './BootScreen';
import { Sidebar } from './shell/Sidebar';
import type { View } from './shell/nav';
import { useGoToKeys } from './shell/useGoToKeys';
import { useNowPlaying } from './shell/useNowPlaying';
import { cx, useStore } from './ui';

/** Gate: the first-run privacy screen until it has been seen, then the app. */
export function App() {
  const { snapshot, error } = usePrivacy();
  if (!snapshot) return error ? <BootScreen state={{ kind: 'unreachable', message: error }} /> : <BootScreen state={{ kind: 'connecting' }} />;
  if (!snapshot.consent.seen) return <FirstRun />;
  return <Shell />;
}

/** The shell: navigation, the current screen, and the player (which keeps playing across screens). */
function Shell() {
  const client = useApi();
  const connection = useStore(client.connection);
  const now = useNowPlaying();
  const [view, setView] = useState<View>('library');
  useGoToKeys(setView);
  return (
    <div className={cx('shell', (now.chosen || now.track) && view === 'library' && 'has-stage')}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar view={view} onView={setView} />
      <main id="main" className="content" tabIndex={-1}>
        <ConnectionBanner state={connection} />
        {now.track ? (
          <Player key={`queue-${now.epoch}`} itemId={now.track.itemId} nonce={now.epoch} onClose={now.close} compact={view !== 'library'} playQueue={now.playQueue} preloader={now.preloader} />
        ) : now.chosen ? (
          <Player
            key={`${now.chosen.itemId}-${now.chosen.nonce}`}
            itemId={now.chosen.itemId}
            nonce={now.chosen.nonce}
            onClose={now.close}
            compact={view !== 'library'}
            resumeSec={now.chosen.resumeSec}
            details={now.chosen.details}
            onSessionEnd={now.sessionEnded}
          />
        ) : null}
        {view === 'library' ? <LibraryScreen onPlay={now.play} onAddToPlayQueue={now.addToPlayQueue} playingId={now.playingId} /> : <PrivacyScreen />}
      </main>
    </div>
  );
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
