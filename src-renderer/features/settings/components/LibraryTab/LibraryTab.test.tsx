import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Folder, ScanProgress } from '../../../../api';
import { ApiError } from '../../../../api/errors';
import { makeLibrary, type FakeState, type Handlers } from '../../../../api/testing';
import { renderWithApi } from '../../../../test-utils';
import { visibleText } from '../../model/visibleText';
import { LibraryTab } from './LibraryTab';

function folder(over: Partial<Folder> & { id: string }): Folder {
  return { name: 'Movies', place: '', kind: 'movies', itemCount: 3, online: true, ...over, id: over.id.padEnd(22, 'x') };
}

const HOME = folder({ id: 'home', place: '…/home/you', itemCount: 7 });
const NAS = folder({ id: 'nas', place: '…/nas/media', online: false, kind: 'mixed', itemCount: 1 });
const HOSTILE = ['<img src=x onerror=alert(1)>', '\u202Egnp.exe', 'x'.repeat(500)];

function renderTab(folders: Folder[] = [HOME, NAS], init: Partial<FakeState> = {}, handlers: Handlers = {}) {
  return renderWithApi(<LibraryTab />, { library: makeLibrary({ folders }), ...init }, handlers);
}

function progress(over: Partial<ScanProgress>): ScanProgress {
  return { phase: 'parsing', seen: 100, parsed: 40, failed: 2, unchanged: 8, currentFolder: 'Movies', ratePerSec: 12.34, etaSec: 90, ...over };
}

/** A scan that runs until the test says it is over. */
function heldScan() {
  let finish: () => void = () => {};
  const handlers: Handlers = {
    'library.scan': () => new Promise((resolve) => (finish = () => resolve({ added: 3, updated: 0, removed: 0, unchanged: 5, failed: [{ name: 'a.mkv', reason: 'bad' }], failedCount: 1, durationMs: 900 }))),
  };
  return { handlers, finish: () => finish() };
}

describe('LibraryTab: folders', () => {
  it('lists each folder with its place, kind, size and whether it is online', async () => {
    renderTab();
    const rows = within(await screen.findByRole('list', { name: 'Library folders' })).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual(['Movies…/home/youMovies7 itemsOnlineScanRemove', 'Movies…/nas/mediaMixed1 itemOfflineScanRemove']);
    expect(screen.getByRole('button', { name: 'Remove folder Movies', description: '…/nas/media' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Scan folder Movies', description: '…/home/you' })).toBeTruthy();
  });

  it('says what to do when there are no folders yet', async () => {
    renderTab([]);
    expect(await screen.findByText('No folders yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Scan all folders' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Add folder' })).toBeTruthy();
  });

  it('renders hostile folder names and places as text', async () => {
    const folders = HOSTILE.map((name, i) => folder({ id: `h${i}`, name, place: name }));
    const { container } = renderTab(folders);
    const list = await screen.findByRole('list', { name: 'Library folders' });
    expect(container.querySelector('img')).toBeNull();
    for (const name of HOSTILE) expect(within(list).getAllByText(visibleText(name), { selector: 'bdi' })).toHaveLength(2);
    // A right-to-left override is spelled out, so "‮gnp.exe" cannot pose as "exe.png".
    expect(within(list).getAllByText('⟨U+202E⟩gnp.exe')).toHaveLength(2);
    await userEvent.setup().click(screen.getByRole('button', { name: `Remove folder ${HOSTILE[0]}` }));
    expect(screen.getByRole('dialog', { name: `Remove “${HOSTILE[0]}”?` })).toBeTruthy();
    expect(container.ownerDocument.querySelector('img')).toBeNull();
  });
});

describe('LibraryTab: adding a folder', () => {
  it('adds a typed path with the kind chosen, and shows it once main says the folders changed', async () => {
    const user = userEvent.setup();
    const { fake } = renderTab();
    await user.type(await screen.findByLabelText('Folder path'), '  /media/tv  ');
    await user.selectOptions(screen.getByLabelText('Holds'), 'Shows');
    await user.click(screen.getByRole('button', { name: 'Add folder' }));
    expect(fake.callsTo('library.addFolder')).toEqual([{ path: '/media/tv', kind: 'shows' }]);
    expect(await screen.findByText('Added “tv”. Scanning it now.')).toBeTruthy();
    expect((screen.getByLabelText('Folder path') as HTMLInputElement).value).toBe('');
    expect(await screen.findByText('…/media', { selector: 'bdi' })).toBeTruthy();
  });

  it('asks for a path instead of calling main with none', async () => {
    const user = userEvent.setup();
    const { fake } = renderTab();
    await user.click(await screen.findByRole('button', { name: 'Add folder' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^Type the full path of a folder/);
    expect(fake.callsTo('library.addFolder')).toEqual([]);
  });

  it('says why main refused a path', async () => {
    const user = userEvent.setup();
    renderTab([HOME], {}, { 'library.addFolder': () => Promise.reject(new ApiError('bad-request', 'That folder does not exist.')) });
    await user.type(await screen.findByLabelText('Folder path'), '/nope');
    await user.click(screen.getByRole('button', { name: 'Add folder' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That folder does not exist.');
  });

  it('opens the system picker in the desktop app, with the kind chosen', async () => {
    const user = userEvent.setup();
    const { fake } = renderTab([HOME], { app: { version: '1', host: 'electron', canPickFolders: true } });
    await user.selectOptions(await screen.findByLabelText('Holds'), 'Music');
    await user.click(await screen.findByRole('button', { name: 'Choose folder…' }));
    expect(screen.queryByLabelText('Folder path')).toBeNull();
    expect(fake.callsTo('library.pickFolder')).toEqual([{ kind: 'music' }]);
  });
});

describe('LibraryTab: removing a folder', () => {
  it('asks first, naming the folder, where it is and how many items go', async () => {
    const user = userEvent.setup();
    const { fake } = renderTab();
    await user.click(await screen.findByRole('button', { name: 'Remove folder Movies', description: '…/home/you' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove “Movies”?' });
    expect(dialog.textContent).toContain('In …/home/you');
    expect(dialog.textContent).toContain('Its 7 items leave the library.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('library.removeFolder')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Remove folder Movies', description: '…/nas/media' }));
    expect(screen.getByRole('dialog').textContent).toContain('Its one item leaves the library.');
    await user.click(screen.getByRole('button', { name: 'Remove folder' }));
    expect(fake.callsTo('library.removeFolder')).toEqual([{ folderId: NAS.id }]);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Folders' }));
  });
});

describe('LibraryTab: scanning', () => {
  it('scans one folder or all of them, and says what the scan did', async () => {
    const user = userEvent.setup();
    const { fake } = renderTab();
    await user.click(await screen.findByRole('button', { name: 'Scan folder Movies', description: '…/nas/media' }));
    expect(await screen.findByText('Scan finished: no changes (0 files unchanged).')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Scan all folders' }));
    expect(fake.callsTo('library.scan')).toEqual([{ folderId: NAS.id }, {}]);
  });

  it('shows live progress from main, with Cancel, and the outcome when it ends', async () => {
    const user = userEvent.setup();
    const scan = heldScan();
    const { fake } = renderTab([HOME], {}, scan.handlers);
    await user.click(await screen.findByRole('button', { name: 'Scan all folders' }));
    act(() => fake.emit('onDidChangeScanProgress', progress({})));
    expect(screen.getByText('Reading tags and media details in “Movies”')).toBeTruthy();
    const facts = [...document.querySelectorAll('.settings-scan-fact')].map((f) => f.textContent);
    expect(facts).toEqual(['Found100', 'Read40', 'Could not read2', 'Unchanged8', 'Pace12 files/s', 'Time leftabout 2 min']);
    const bar = screen.getByRole('progressbar', { name: 'Scan progress' });
    expect([bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuetext')]).toEqual(['50', '50 of 100 files']);
    expect(screen.getByRole('button', { name: 'Scan all folders' }).hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Cancel scan' }));
    expect(fake.callsTo('library.cancelScan')).toEqual([{}]);
    act(() => fake.emit('onDidChangeScanProgress', progress({ phase: 'done', parsed: 90 })));
    await act(async () => scan.finish());
    expect(await screen.findByText('Scan finished: 3 added, 1 could not be read.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('follows a scan main started itself (after a folder was added) to its end', async () => {
    const { fake } = renderTab();
    await screen.findByRole('list', { name: 'Library folders' });
    act(() => fake.emit('onDidChangeScanProgress', progress({ phase: 'walking', seen: 12, ratePerSec: null, etaSec: null })));
    expect(screen.getByText('Looking for files in “Movies”')).toBeTruthy();
    expect(screen.getByRole('progressbar').hasAttribute('aria-valuenow')).toBe(false);
    act(() => fake.emit('onDidChangeScanProgress', progress({ phase: 'done', seen: 12, parsed: 11, failed: 1, unchanged: 0 })));
    expect(screen.getByText('Scan finished: 11 read, 1 could not be read, 0 unchanged.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel scan' })).toBeNull();
  });

  it('says why a scan failed', async () => {
    const user = userEvent.setup();
    renderTab([HOME], {}, { 'library.scan': () => Promise.reject(new ApiError('conflict', 'A scan is already running.')) });
    await user.click(await screen.findByRole('button', { name: 'Scan all folders' }));
    expect((await screen.findByRole('alert')).textContent).toBe('A scan is already running.');
  });
});
