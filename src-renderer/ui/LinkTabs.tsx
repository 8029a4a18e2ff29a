import { useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { cx } from './cx';

export interface LinkTab<Id extends string> {
  id: Id;
  label: string;
  /** The address this tab's view has (`#/music/albums`). */
  href: string;
  /** A small count after the label, not part of the accessible name. */
  badge?: ReactNode;
}

export interface LinkTabsProps<Id extends string> {
  tabs: ReadonlyArray<LinkTab<Id>>;
  selected: Id;
  /** Goes to a tab's view (the caller navigates); a plain click with a modifier opens the link as links do. */
  onSelect: (id: Id) => void;
  label: string;
  idPrefix: string;
}

const plainClick = (event: MouseEvent) => event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;

/**
 * A WAI-ARIA tablist whose tabs are links, for views that have an address of their own: arrows, Home and
 * End move focus and select (automatic activation), Enter and clicks follow the link.
 */
export function LinkTabs<Id extends string>({ tabs, selected, onSelect, label, idPrefix }: LinkTabsProps<Id>) {
  const refs = useRef(new Map<Id, HTMLAnchorElement>());

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((t) => t.id === selected);
    const keys: Record<string, number> = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: tabs.length - 1 };
    if (!(event.key in keys)) return;
    event.preventDefault();
    const tab = tabs[(keys[event.key]! + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  }

  return (
    <div role="tablist" aria-label={label} className="tabs" onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <a
          key={tab.id}
          ref={(el) => {
            if (el) refs.current.set(tab.id, el);
            else refs.current.delete(tab.id);
          }}
          href={tab.href}
          role="tab"
          id={`${idPrefix}-tab-${tab.id}`}
          aria-selected={tab.id === selected}
          aria-controls={`${idPrefix}-panel-${tab.id}`}
          tabIndex={tab.id === selected ? 0 : -1}
          className={cx('tab', 'tab-link', tab.id === selected && 'is-selected')}
          onClick={(event) => {
            if (!plainClick(event)) return;
            event.preventDefault();
            onSelect(tab.id);
          }}
        >
          <span>{tab.label}</span>
          {tab.badge != null ? (
            <span className="tab-badge" aria-hidden="true">
              {tab.badge}
            </span>
          ) : null}
        </a>
      ))}
    </div>
  );
}
