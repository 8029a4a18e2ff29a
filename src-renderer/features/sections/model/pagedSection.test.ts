import { describe, expect, it } from 'vitest';
import { PagedSectionStore, type PageAnswer, type PageStart } from './pagedSection';

interface Item {
  id: string;
  title: string;
}

/**
 * A list served like main does (cursor = the id of the item it continues from, `prev` read in the opposite
 * order; `at` a position), with every request recorded: a cursor as itself (null: the start), `reverse:<cursor>`
 * for one read backwards, `at:<n>` for a position.
 */
function serve(initial: number, pageSize = 10) {
  let list: Item[] = Array.from({ length: initial }, (_, i) => ({ id: `i${i}`, title: `Title ${i}` }));
  const asked: Array<string | null> = [];
  const held: Array<() => void> = [];
  let hold = false;
  const fetchPage = (start: PageStart): Promise<PageAnswer<Item>> => {
    const reverse = 'reverse' in start && start.reverse;
    const order = reverse ? [...list].reverse() : list;
    let from: number;
    if ('at' in start) {
      asked.push(`at:${start.at}`);
      from = start.at;
    } else {
      asked.push(reverse ? `reverse:${start.after}` : start.after);
      from = start.after === null ? 0 : order.findIndex((it) => it.id === start.after) + 1;
    }
    const items = order.slice(from, from + pageSize);
    const answer = { items, next: from + pageSize < order.length ? items[items.length - 1]!.id : null, prev: from > 0 && items.length > 0 ? items[0]!.id : null };
    if (!hold) return Promise.resolve(answer);
    return new Promise((resolve) => held.push(() => resolve(answer)));
  };
  const store = new PagedSectionStore<Item>({ fetchPage, pageSize, idOf: (it) => it.id, keepPages: 2 });
  return {
    store,
    asked,
    set list(next: Item[]) {
      list = next;
    },
    get list() {
      return list;
    },
    holdAnswers: () => void (hold = true),
    release: () => held.splice(0).forEach((r) => r()),
  };
}

/** Lets every queued answer land. */
const settle = async () => {
  for (let i = 0; i < 50; i++) await Promise.resolve();
};

describe('PagedSectionStore', () => {
  it('fetches nothing until someone shows it, then the pages in view and one beyond, in order', async () => {
    const s = serve(100);
    s.store.setTotal(100);
    await settle();
    expect(s.asked).toEqual([]);
    s.store.attach();
    await settle();
    expect(s.asked).toEqual([null, 'i9']);
    expect(s.store.getSnapshot()).toMatchObject({ length: 100, more: false, loaded: true, ended: false });
    expect(s.store.itemAt(0)?.title).toBe('Title 0');
    expect(s.store.itemAt(19)?.title).toBe('Title 19');
    expect(s.store.itemAt(20)).toBeUndefined();
  });

  it('jumps to the middle of 100,000 items with one request at its position, and lands the answer there', async () => {
    const s = serve(100_000, 100);
    s.store.setTotal(100_000);
    s.store.attach();
    await settle();
    s.asked.length = 0;
    s.store.show(50_020, 50_080);
    await settle();
    // Page 500 at its position, then the page beyond from the cursor it gave: no walk through pages 2..499.
    expect(s.asked).toEqual(['at:50000', 'i50099']);
    expect(s.store.itemAt(50_000)?.title).toBe('Title 50000');
    expect(s.store.itemAt(50_080)?.title).toBe('Title 50080');
    expect(s.store.itemAt(50_199)?.title).toBe('Title 50199');
    // Only the pages near the view are kept.
    expect(s.store.itemAt(0)).toBeUndefined();
    expect(s.store.getSnapshot()).toMatchObject({ length: 100_000, ended: false });
  });

  it('goes on from a page it jumped to by keyset, backward and forward, and back at the top from the start', async () => {
    const s = serve(100_000, 100);
    s.store.setTotal(100_000);
    s.store.attach();
    s.store.show(50_020, 50_080);
    await settle();
    s.asked.length = 0;
    s.store.show(49_950, 50_010);
    await settle();
    // Page 499 read backwards from the first item of page 500 (its `prev`), in place.
    expect(s.asked).toEqual(['reverse:i50000']);
    expect(s.store.itemAt(49_900)?.title).toBe('Title 49900');
    expect(s.store.itemAt(49_999)?.title).toBe('Title 49999');
    s.store.show(50_150, 50_250);
    await settle();
    expect(s.asked).toEqual(['reverse:i50000', 'i50199', 'i50299']);
    expect(s.store.itemAt(50_250)?.title).toBe('Title 50250');
    s.asked.length = 0;
    s.store.show(0, 50);
    await settle();
    expect(s.asked).toEqual([null, 'i99']);
  });

  it('walks to a page one or two beyond a known cursor, and jumps to one further', async () => {
    const s = serve(1000);
    s.store.setTotal(1000);
    s.store.attach();
    await settle();
    s.asked.length = 0;
    s.store.show(30, 39);
    await settle();
    expect(s.asked).toEqual(['i19', 'i29', 'i39']);
    s.asked.length = 0;
    s.store.show(100, 109);
    await settle();
    expect(s.asked).toEqual(['at:100', 'i109']);
    expect(s.store.itemAt(105)?.title).toBe('Title 105');
  });

  it('drops the answer for a place the view has left, and asks for where it is now rather than walking from it', async () => {
    const s = serve(100_000, 100);
    s.store.setTotal(100_000);
    s.store.attach();
    await settle();
    s.asked.length = 0;
    s.holdAnswers();
    s.store.show(50_000, 50_050);
    await settle();
    // The user keeps dragging while the first answer is on its way.
    s.store.show(80_000, 80_050);
    let renders = 0;
    s.store.subscribe(() => renders++);
    s.release();
    await settle();
    expect(renders).toBe(0);
    expect(s.store.itemAt(50_000)).toBeUndefined();
    expect(s.asked).toEqual(['at:50000', 'at:80000']);
    s.release();
    await settle();
    s.release();
    await settle();
    expect(s.asked).toEqual(['at:50000', 'at:80000', 'i80099']);
    expect(s.store.itemAt(80_000)?.title).toBe('Title 80000');
    expect(s.store.itemAt(80_150)?.title).toBe('Title 80150');
  });

  it('reads everything here again at its position when a backward read shows the list moved unannounced', async () => {
    const s = serve(100);
    s.store.setTotal(100);
    s.store.attach();
    s.store.show(50, 59);
    await settle();
    s.list = s.list.slice(45);
    s.asked.length = 0;
    s.store.show(40, 49);
    await settle();
    // Page 4 read backwards from page 5's first item found the start after 5 items, not after 40: the
    // positions here are old, so page 4 is read at its position, and the pages kept are read again.
    expect(s.asked.slice(0, 2)).toEqual(['reverse:i50', 'at:40']);
    expect(s.store.itemAt(40)?.title).toBe('Title 85');
    expect(s.store.itemAt(50)?.title).toBe('Title 95');
  });

  it('grows as pages arrive when no total is known, then knows its end', async () => {
    const s = serve(25);
    s.store.setTotal(null);
    s.store.attach();
    await settle();
    expect(s.store.getSnapshot()).toMatchObject({ length: 20, more: true, ended: false });
    s.store.show(0, 20);
    await settle();
    expect(s.store.getSnapshot()).toMatchObject({ length: 25, more: false, ended: true });
  });

  it('refetches the pages here on a change to the list, keeping the old items until the new ones arrive', async () => {
    const s = serve(30);
    s.store.setTotal(30);
    s.store.attach();
    await settle();
    s.holdAnswers();
    s.list = [{ id: 'new', title: 'Aardvark' }, ...s.list];
    s.asked.length = 0;
    s.store.changed(true, []);
    await settle();
    expect(s.store.itemAt(0)?.title).toBe('Title 0');
    s.release();
    await settle();
    s.release();
    await settle();
    expect(s.store.itemAt(0)?.title).toBe('Aardvark');
    // Page 0's end moved, so page 1 was fetched again from the new cursor, not the old one.
    expect(s.asked).toEqual([null, 'i8']);
    expect(s.store.itemAt(10)?.title).toBe('Title 9');
  });

  it('refetches only the pages holding items whose marks changed', async () => {
    const s = serve(100);
    s.store.setTotal(100);
    s.store.attach();
    await settle();
    s.asked.length = 0;
    s.store.changed(false, ['i14', 'not-here']);
    await settle();
    expect(s.asked).toEqual(['i9']);
    s.store.changed(false, ['i95']);
    await settle();
    expect(s.asked).toEqual(['i9']);
  });

  it('marks an answer fetched before a change as stale, so it is fetched again', async () => {
    const s = serve(10);
    s.store.setTotal(10);
    s.holdAnswers();
    s.store.attach();
    s.store.changed(false, ['i3']);
    s.list = s.list.map((it) => (it.id === 'i3' ? { ...it, title: 'Watched now' } : it));
    s.release();
    await settle();
    s.release();
    await settle();
    expect(s.asked).toEqual([null, null]);
    expect(s.store.itemAt(3)?.title).toBe('Watched now');
  });

  it('stops at an error and goes on from the same page on retry', async () => {
    let fail = true;
    const store = new PagedSectionStore<Item>({
      pageSize: 10,
      idOf: (it) => it.id,
      fetchPage: async () => {
        if (fail) throw new Error('Glasswing is not answering.');
        return { items: [{ id: 'a', title: 'A' }], next: null, prev: null };
      },
    });
    store.attach();
    await settle();
    expect(store.getSnapshot()).toMatchObject({ error: 'Glasswing is not answering.', loaded: false });
    fail = false;
    store.retry();
    await settle();
    expect(store.getSnapshot()).toMatchObject({ error: null, loaded: true, length: 1, ended: true });
  });

  it('looks at its end again when the total changes after the end was seen', async () => {
    const s = serve(12);
    s.store.setTotal(12);
    s.store.attach();
    await settle();
    expect(s.store.getSnapshot()).toMatchObject({ length: 12, ended: true });
    s.list = [...s.list, { id: 'late', title: 'Late arrival' }];
    s.store.setTotal(13);
    await settle();
    expect(s.store.getSnapshot()).toMatchObject({ length: 13, ended: true });
    expect(s.store.itemAt(12)?.title).toBe('Late arrival');
  });

  it('reads the end of a list with a known total at the last page, and a place three quarters down at its own', async () => {
    const s = serve(1000);
    s.store.setTotal(1000);
    s.store.attach();
    await settle();
    s.asked.length = 0;
    s.store.show(990, 999);
    await settle();
    expect(s.asked).toEqual(['at:990']);
    expect(s.store.itemAt(999)?.title).toBe('Title 999');
    expect(s.store.getSnapshot()).toMatchObject({ length: 1000, ended: true });
    s.asked.length = 0;
    s.store.show(745, 755);
    await settle();
    expect(s.asked).toEqual(['at:740', 'i749', 'i759']);
    expect(s.store.itemAt(745)?.title).toBe('Title 745');
    expect(s.store.itemAt(755)?.title).toBe('Title 755');
  });

  it('reads the pages in view again at their positions when the list changes around them', async () => {
    const s = serve(500);
    s.store.setTotal(500);
    s.store.attach();
    s.store.show(495, 499);
    await settle();
    s.list = [{ id: 'first', title: 'Aardvark' }, ...s.list, { id: 'last', title: 'Zebra' }];
    s.store.setTotal(502);
    s.store.changed(true, []);
    await settle();
    expect(s.store.itemAt(501)?.title).toBe('Zebra');
    expect(s.store.itemAt(500)?.title).toBe('Title 499');
  });
});
