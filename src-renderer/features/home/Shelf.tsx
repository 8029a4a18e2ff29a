import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { focusItem, itemsIn, targetOf } from '../search';
import { LinkCard, PlayCard } from './Cards';
import type { ShelfModel } from './homeModel';

const ROVING = 'data-roving';

/**
 * A labelled horizontal row of cards with one tab stop: Left/Right move, Home/End jump to the ends (Up and
 * Down, between shelves, are the screen's). The tab stop is kept by item id, so a refetch never moves it.
 */
export function Shelf({ shelf }: { shelf: ShelfModel }) {
  const headingId = useId();
  const rowRef = useRef<HTMLUListElement>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const active = shelf.cards.some((c) => c.key === activeKey) ? activeKey : (shelf.cards[0]?.key ?? null);

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const current = (event.target as HTMLElement).closest('li')?.querySelector<HTMLElement>(`[${ROVING}]`) ?? null;
    const target = targetOf(itemsIn(rowRef.current, ROVING), current, event.key, true);
    if (target === undefined) return;
    event.preventDefault();
    if (target) focusItem(target);
  }

  return (
    <section className="home-shelf" aria-labelledby={headingId} data-shelf={shelf.id}>
      <h2 id={headingId} className="home-shelf-title">
        {shelf.title}
      </h2>
      <ul ref={rowRef} className="home-row" onKeyDown={onKeyDown}>
        {shelf.cards.map((card) => {
          const Card = card.play ? PlayCard : LinkCard;
          return <Card key={card.key} card={card} tabbable={card.key === active} onFocus={() => setActiveKey(card.key)} />;
        })}
      </ul>
    </section>
  );
}

/** Up and Down move between shelves, to the card each shelf last had. */
export function moveBetweenShelves(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const shelves = itemsIn(event.currentTarget, 'data-shelf');
  const from = (event.target as HTMLElement).closest<HTMLElement>('[data-shelf]');
  if (!from) return;
  // Taken even at the first and last shelf, so the player never reads it as volume.
  event.preventDefault();
  const to = shelves[shelves.indexOf(from) + (event.key === 'ArrowDown' ? 1 : -1)];
  const card = to?.querySelector<HTMLElement>(`[${ROVING}][tabindex="0"]`);
  if (card) focusItem(card);
}
