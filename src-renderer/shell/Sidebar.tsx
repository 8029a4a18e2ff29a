import { usePrivacy } from '../features/privacy';
import { Logo, cx, plural } from '../ui';
import { NAV, type Section } from './nav';
import { formatRoute } from '../app';

/**
 * The brand, the screens (with the telemetry events waiting for review on What we collect), and whether
 * telemetry records. In narrow windows the CSS shows icons only: the `sidebar-text` is hidden from sight but
 * not from screen readers, so every button keeps its name, and the `title` names it on hover.
 */
export function Sidebar({ active }: { active: Section | null }) {
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
            <li key={item.section}>
              <a
                href={formatRoute(item.route)}
                className={cx('nav-item', active === item.section && 'is-active')}
                aria-current={active === item.section ? 'page' : undefined}
                title={`${item.label} (g then ${item.key})`}
                aria-describedby={item.section === 'privacy' && queued > 0 ? 'nav-queued' : undefined}
              >
                <item.icon />
                <span className="nav-label sidebar-text">{item.label}</span>
                {item.section === 'privacy' && queued > 0 ? (
                  <span className="nav-badge" aria-hidden="true">
                    {queued > 999 ? '999+' : queued}
                  </span>
                ) : null}
              </a>
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
