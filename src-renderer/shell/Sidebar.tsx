import { usePrivacy } from '../features/privacy';
import type { Ref } from 'react';
import { DrawnText, Icon, Logo, cx, plural } from '../ui';
import { NAV, type Section } from './nav';
import { formatRoute } from '../app';
import { useNavMenu } from './useNavMenu';

/**
 * The brand, the screens (with the telemetry events waiting for review on What we collect), and whether
 * telemetry records. The CSS fits it to the window (theme.css, "Narrow windows"): a column with words from
 * 900 px, icons only below, and below 600 px a bar whose menu button shows the links and the telemetry line.
 * Hidden words stay in the page for screen readers (`sidebar-text`), so every link keeps its name, and the
 * `title` names it on hover.
 */
export function Sidebar({ active }: { active: Section | null }) {
  const { snapshot } = usePrivacy();
  const { open, rootRef, buttonRef, toggle, onKeyDown, onBlur, onNavigate } = useNavMenu();
  const queued = snapshot?.queue.total ?? 0;
  const recording = snapshot ? snapshot.consent.master && Object.values(snapshot.consent.categories).some(Boolean) : false;
  return (
    <aside ref={rootRef} className={cx('sidebar', open && 'is-open')} onKeyDown={onKeyDown} onBlur={onBlur}>
      <div className="sidebar-bar">
        <MenuButton ref={buttonRef} open={open} queued={queued} onClick={toggle} />
        <div className="brand">
          <Logo />
          <span className="sidebar-text">Glasswing</span>
        </div>
      </div>
      <div id="sidebar-menu" className="sidebar-menu">
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
                  onClick={onNavigate}
                >
                  <item.icon />
                  <span className="nav-label sidebar-text">{item.label}</span>
                  {item.section === 'privacy' ? <QueuedBadge queued={queued} /> : null}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sidebar-foot">
          <span className={cx('rec-dot', recording && 'is-on')} aria-hidden="true" />
          <span className="sidebar-text">{recording ? (queued > 0 ? `${plural(queued, 'event')} waiting for review` : 'Recording what you allowed') : 'Telemetry off'}</span>
        </div>
      </div>
      <span id="nav-queued" hidden>
        {plural(queued, 'event')} queued
      </span>
    </aside>
  );
}

/** The count of events waiting on What we collect: drawn, as `nav-queued` says it in words (and "Menu" is the button's name). */
function QueuedBadge({ queued }: { queued: number }) {
  if (queued <= 0) return null;
  return <DrawnText className="nav-badge" text={queued > 999 ? '999+' : String(queued)} />;
}

/** Shown in narrow windows only: opens the links, and carries the queued count while they are hidden. */
function MenuButton({ ref, open, queued, onClick }: { ref: Ref<HTMLButtonElement>; open: boolean; queued: number; onClick: () => void }) {
  return (
    <button
      ref={ref}
      type="button"
      className="nav-toggle"
      aria-label="Menu"
      aria-expanded={open}
      aria-controls="sidebar-menu"
      aria-describedby={queued > 0 ? 'nav-queued' : undefined}
      title="Menu"
      onClick={onClick}
    >
      <Icon.Menu />
      <QueuedBadge queued={queued} />
    </button>
  );
}
