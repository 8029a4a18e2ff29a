import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Folder } from '../../../../api';
import { ApiError } from '../../../../api/errors';
import { makeLibrary, type Handlers } from '../../../../api/testing';
import { renderWithApi } from '../../../../test-utils';
import type { UnparseableEntry } from '../../model/types';
import { LibraryTab } from '../LibraryTab/LibraryTab';
import { UNPARSEABLE_PAGE } from '../../hooks/useUnparseable';
import { visibleText } from '../../model/visibleText';

const MOVIES: Folder = { id: 'movies'.padEnd(22, 'x'), name: 'Movies', place: '…/nas', kind: 'movies', itemCount: 2, online: true };
const HOSTILE = ['<img src=x onerror=alert(1)>', '\u202Egnp.exe', 'y'.repeat(500)];

/** Main's keyset paging, two rows a page: the cursor names the last row given. */
function pagedBy2(files: UnparseableEntry[]): Handlers {
  return {
    'library.unparseable': ({ after }) => {
      const from = after ? files.findIndex((f) => f.name === after) + 1 : 0;
      const page = files.slice(from, from + 2);
      return { files: page, next: from + 2 < files.length ? page[page.length - 1]!.name : null };
    },
  };
}

function file(name: string, reason = 'Not a media file ffprobe can read.'): UnparseableEntry {
  return { name, reason, folderId: MOVIES.id };
}

function renderWith(files: UnparseableEntry[], handlers: Handlers = pagedBy2(files)) {
  return renderWithApi(<LibraryTab />, { library: makeLibrary({ folders: [MOVIES], unparseableCount: files.length }) }, handlers);
}

describe('UnparseableList', () => {
  it('shows the files that could not be read a page at a time, asking for the page after the last', async () => {
    const user = userEvent.setup();
    const { fake } = renderWith([file('a.mkv'), file('b.avi', 'Truncated: moov atom not found.'), file('c.mp4')]);
    const table = await screen.findByRole('table', { name: /Files that could not be read/ });
    await within(table).findByText('b.avi');
    expect(within(table).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['a.mkvMovies…/nasNot a media file ffprobe can read.', 'b.aviMovies…/nasTruncated: moov atom not found.']);
    expect(screen.getByText('Showing 2 of 3')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await within(table).findByText('c.mp4')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(fake.callsTo('library.unparseable')).toEqual([
      { limit: UNPARSEABLE_PAGE, after: null },
      { limit: UNPARSEABLE_PAGE, after: 'b.avi' },
    ]);
  });

  it('says so when every file could be read', async () => {
    renderWith([]);
    expect(await screen.findByText('Every file found in your folders could be read.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('renders hostile file names and reasons as text', async () => {
    const { container } = renderWith(HOSTILE.map((name) => file(name, name)));
    const table = await screen.findByRole('table');
    await within(table).findAllByText(HOSTILE[0]!);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show more' }));
    for (const text of HOSTILE) expect(await within(table).findAllByText(visibleText(text), { selector: 'bdi' })).toHaveLength(2);
    expect(within(table).getAllByText('⟨U+202E⟩gnp.exe')).toHaveLength(2);
    expect(container.querySelector('img')).toBeNull();
  });

  it('says why the list could not be fetched', async () => {
    renderWith([file('a.mkv')], { 'library.unparseable': () => Promise.reject(new ApiError('internal', 'The index is busy.')) });
    expect((await screen.findByRole('alert')).textContent).toBe('The index is busy.');
  });
});

describe('RecoveryNotice in the Library tab', () => {
  it('says the index was rebuilt, what was kept and the damaged copy’s name, until dismissed', async () => {
    const user = userEvent.setup();
    const recovery = { damagedCopy: 'library.db.corrupt-2025', folders: 2, kept: 40, salvaged: 42, restoring: false };
    renderWithApi(<LibraryTab />, { library: makeLibrary({ recovery }) });
    const notice = await screen.findByRole('region', { name: 'Library index rebuilt' });
    expect(notice.textContent).toContain('has been rebuilt from your folders. Watched marks were kept for 40 of 42 items.');
    expect(within(notice).getByText('library.db.corrupt-2025').tagName).toBe('CODE');
    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Library index rebuilt' })).toBeNull();
  });

  it('asks for the folders again when none could be read back', async () => {
    renderWithApi(<LibraryTab />, { library: makeLibrary({ recovery: { damagedCopy: 'library.db.corrupt-1', folders: 0, kept: 0, salvaged: 0, restoring: false } }) });
    expect((await screen.findByRole('region', { name: 'Library index rebuilt' })).textContent).toContain('add your folders again to rebuild it');
  });
});
