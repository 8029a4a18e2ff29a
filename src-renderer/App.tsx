import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi, type Album, type ConnectionState, type Track } from './api';
import { LibraryScreen, findItem, useLibrary } from './features/library';
import { Player, createPlayQueue, createPreloader, currentEntry, detailsOf, openInputFor, type ItemDetails, type PlayQueueTrack } from './features/player';
import { FirstRun, PrivacyScreen, usePrivacy } from './features/privacy';
import { BootScreen } from './BootScreen';
import { Icon, Logo, cx, plural, useStore } from './ui';

type View = 'library' | 'privacy';

/** Gate: the first-run privacy screen until it has been seen, then the app. */
export function App() {
  const { snapshot, error } = usePrivacy();
  if (!snapshot) return error ? <BootScreen state={{ kind: 'unreachable', message: error }} /> : <BootScreen state={{ kind: 'connecting' }} />;
  if (!snapshot.consent.seen) return <FirstRun />;
  return <Shell />;
}

const NAV: ReadonlyArray<{ view: View; label: string; key: string; icon: () => React.ReactElement }> = [
  { view: 'library', label: 'Library', key: 'l', icon: Icon.Library },
  { view: 'privacy', label: 'What we collect', key: 'w', icon: Icon.Eye },
];

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || !!target.closest('input, select, textarea'));
}

function playQueueTrack(track: Track, album: Album): PlayQueueTrack {
  return { itemId: track.id, title: track.title, artist: track.artist ?? album.artist, album: album.title, durationSec: track.durationSec };
}

/** The shell: navigation, the current screen, and the player (which keeps playing across screens). */
function Shell() {
  const client = useApi();
  const connection = useStore(client.connection);
  const { snapshot } = usePrivacy();
  const { store: libraryStore } = useLibrary();
  const [view, setView] = useState<View>('library');
  // A movie or episode; music plays from the queue instead.
  const [playing, setPlaying] = useState<{ itemId: string; nonce: number; resumeSec: number | null; details: ItemDetails | null } | null>(null);
  const [playQueue] = useState(createPlayQueue);
  const [preloader] = useState(() =>
    createPreloader({
      open: (itemId) => client['playback.open'](openInputFor(itemId)),
      stop: (sessionId) => void client['playback.stop']({ sessionId }).catch(() => undefined),
    }),
  );
  const playQueueState = useStore(playQueue);
  const track = currentEntry(playQueueState);
  const pendingG = useRef(0);

  const play = useCallback(
    (itemId: string) => {
      const found = findItem(libraryStore.get().snapshot, itemId);
      if (found?.kind === 'track') {
        // A track plays its album from there on.
        setPlaying(null);
        playQueue.playFrom(found.album.tracks.slice(found.index).map((t) => playQueueTrack(t, found.album)));
        return;
      }
      playQueue.clear();
      preloader.discard();
      setPlaying((p) => ({ itemId, nonce: (p?.nonce ?? 0) + 1, resumeSec: found?.item.resumeSec ?? null, details: found ? detailsOf(found.item) : null }));
    },
    [libraryStore, playQueue, preloader],
  );
  const addToPlayQueue = useCallback(
    (itemId: string) => {
      const found = findItem(libraryStore.get().snapshot, itemId);
      if (found?.kind !== 'track') return;
      if (!currentEntry(playQueue.get())) setPlaying(null);
      playQueue.add(playQueueTrack(found.item, found.album));
    },
    [libraryStore, playQueue],
  );
  const closePlayer = useCallback(() => {
    playQueue.clear();
    preloader.discard();
    setPlaying(null);
  }, [playQueue, preloader]);
  // Resume points and Continue watching change as a session ends; main only pushes membership changes.
  const sessionEnded = useCallback(() => void libraryStore.refresh(), [libraryStore]);
  useEffect(() => () => preloader.discard(), [preloader]);

  // "g l" goes to the Library, "g w" to What we collect (outside text fields).
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === 'g') {
        pendingG.current = Date.now();
        return;
      }
      if (Date.now() - pendingG.current > 1200) return;
      pendingG.current = 0;
      const target = NAV.find((n) => n.key === event.key);
      if (target) setView(target.view);
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const queued = snapshot?.queue.total ?? 0;
  const recording = snapshot ? snapshot.consent.master && Object.values(snapshot.consent.categories).some(Boolean) : false;

  return (
    <div className={cx('shell', (playing || track) && view === 'library' && 'has-stage')}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <Logo />
          <span>Glasswing</span>
        </div>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.view}>
                <button
                  type="button"
                  className={cx('nav-item', view === item.view && 'is-active')}
                  aria-current={view === item.view ? 'page' : undefined}
                  onClick={() => setView(item.view)}
                  title={`${item.label} (g then ${item.key})`}
                  aria-describedby={item.view === 'privacy' && queued > 0 ? 'nav-queued' : undefined}
                >
                  <item.icon />
                  <span>{item.label}</span>
                  {item.view === 'privacy' && queued > 0 ? (
                    <span className="nav-badge" aria-hidden="true">
                      {queued > 999 ? '999+' : queued}
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <span id="nav-queued" hidden>
          {plural(queued, 'event')} queued
        </span>
        <div className="sidebar-foot">
          <span className={cx('rec-dot', recording && 'is-on')} aria-hidden="true" />
          <span>{recording ? (queued > 0 ? `${plural(queued, 'event')} waiting for review` : 'Recording what you allowed') : 'Telemetry off'}</span>
        </div>
      </aside>

      <main id="main" className="content" tabIndex={-1}>
        <ConnectionBanner state={connection} />
        {track ? (
          <Player key={`queue-${playQueueState.epoch}`} itemId={track.itemId} nonce={playQueueState.epoch} onClose={closePlayer} compact={view !== 'library'} playQueue={playQueue} preloader={preloader} />
        ) : playing ? (
          <Player
            key={`${playing.itemId}-${playing.nonce}`}
            itemId={playing.itemId}
            nonce={playing.nonce}
            onClose={closePlayer}
            compact={view !== 'library'}
            resumeSec={playing.resumeSec}
            details={playing.details}
            onSessionEnd={sessionEnded}
          />
        ) : null}
        {view === 'library' ? <LibraryScreen onPlay={play} onAddToPlayQueue={addToPlayQueue} playingId={track?.itemId ?? playing?.itemId ?? null} /> : <PrivacyScreen />}
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
