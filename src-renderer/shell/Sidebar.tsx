import { usePrivacy } from '../features/privacy';
import { Logo, cx, plural } from '../ui';
import { NAV, type View } from './nav';

/**
 * The brand, the screens (with the telemetry events waiting for review on What we collect), and whether
 * telemetry records. In narrow windows the CSS shows icons only: the `sidebar-text` is hidden from sight but
 * not from screen readers, so every button keeps its name, and the `title` names it on hover.
 */
export function Sidebar({ view, onView }: { view: View; onView: (view: View) => void }) {
  const { snapshot } = usePrivacy();
  const queued = snapshot?.queue.total ?? 0;
  const recording = snapshot ? snapshot.consent.master && Object.values(snapshot.consent.categories).some(Boolean) : false;
  return (
    <aside className="sidebar">
      <div className="brand">
        <Logo />
        <span className="sidebar-text">Glasswing</span>
      </div>
      <nav aria-label="Main">
        <ul>
          {NAV.map((item) => (
            <li key={item.view}>
              <button
                type="button"
                className={cx('nav-item', view === item.view && 'is-active')}
                aria-current={view === item.view ? 'page' : undefined}
                onClick={() => onView(item.view)}
                title={`${item.label} (g then ${item.key})`}
                aria-describedby={item.view === 'privacy' && queued > 0 ? 'nav-queued' : undefined}
              >
                <item.icon />
                <span className="nav-label sidebar-text">{item.label}</span>
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
        <span className="sidebar-text">{recording ? (queued > 0 ? `${plural(queued, 'event')} waiting for review` : 'Recording what you allowed') : 'Telemetry off'}</span>
      </div>
    </aside>
  );
}
