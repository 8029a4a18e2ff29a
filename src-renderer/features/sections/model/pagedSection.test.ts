import { describe, expect, it } from 'vitest';
import { PagedSectionStore, type PageAnswer } from './pagedSection';

interface Item {
  id: string;
  title: string;
}

/** A list served like main does (cursor = the last id of the page before), with every request recorded. */
function serve(initial: number, pageSize = 10) {
  let list: Item[] = Array.from({ length: initial }, (_, i) => ({ id: `i${i}`, title: `Title ${i}` }));
  const asked: Array<string | null> = [];
  const held: Array<() => void> = [];
  let hold = false;
  const fetchPage = (after: string | null, reverse: boolean): Promise<PageAnswer<Item>> => {
    asked.push(reverse ? `reverse:${after}` : after);
    const order = reverse ? [...list].reverse() : list;
    const from = after === null ? 0 : order.findIndex((it) => it.id === after) + 1;
    const items = order.slice(from, from + pageSize);
    const answer = { items, next: from + pageSize < order.length ? items[items.length - 1]!.id : null };
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

  it('reaches a far page through the cursors before it, and keeps only the pages near the view', async () => {
    const s = serve(200);
    s.store.setTotal(null);
    s.store.attach();
    s.store.show(150, 159);
    await settle();
    // With no total there is no reading from the end: pages 0..16 in order, each from the one before;
    // the items of the far ones are dropped as they pass.
    expect(s.asked).toHaveLength(17);
    expect(s.store.itemAt(155)?.title).toBe('Title 155');
    expect(s.store.itemAt(5)).toBeUndefined();
    expect(s.store.itemAt(135)?.title).toBe('Title 135');
    expect(s.store.itemAt(125)).toBeUndefined();
    // Back at the top: pages 0 and 1 again from their saved cursors, nothing in between.
    s.asked.length = 0;
    s.store.show(0, 9);
    await settle();
    expect(s.asked).toEqual([null, 'i9']);
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
        return { items: [{ id: 'a', title: 'A' }], next: null };
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

  it('reads the end of a list with a known total from the end, and a place in the middle from the nearer end', async () => {
    const s = serve(1000);
    s.store.setTotal(1000);
    s.store.attach();
    await settle();
    s.asked.length = 0;
    s.store.show(990, 999);
    await settle();
    expect(s.asked).toEqual(['reverse:null']);
    expect(s.store.itemAt(999)?.title).toBe('Title 999');
    expect(s.store.itemAt(990)?.title).toBe('Title 990');
    // Three quarters down (pages of 10): 26 pages from the end's cursors, against 75 from the start.
    s.asked.length = 0;
    s.store.show(745, 755);
    await settle();
    expect(s.asked.every((a) => String(a).startsWith('reverse:'))).toBe(true);
    expect(s.asked.length).toBeLessThanOrEqual(26);
    expect(s.store.itemAt(745)?.title).toBe('Title 745');
    expect(s.store.itemAt(755)?.title).toBe('Title 755');
  });

  it('refetches pages read from the end when the list changes, keeping them anchored at the end', async () => {
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
