import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Folder } from '../../../../api';
import { renderWithApi } from '../../../../test-utils';
import { FolderPanel } from './FolderPanel';

function folder(id: string, place: string): Folder {
  return { id: id.padEnd(22, 'x'), name: 'Movies', place, kind: 'movies', itemCount: 3, online: true };
}

const TWO_MOVIES = [folder('home', '…/home/you'), folder('nas', '…/nas/media')];

describe('FolderPanel', () => {
  it('tells two folders named “Movies” apart by where each is, on screen, in the tooltip and to a screen reader', () => {
    renderWithApi(<FolderPanel folders={TWO_MOVIES} canPickFolders={false} />);
    const rows = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('.folder-where')?.textContent)).toEqual(['…/home/you', '…/nas/media']);
    expect(rows.map((row) => row.querySelector('.folder-label')?.getAttribute('title'))).toEqual(['Movies in …/home/you', 'Movies in …/nas/media']);
    expect(screen.getByRole('button', { name: 'Remove folder Movies', description: '…/home/you' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove folder Movies', description: '…/nas/media' })).toBeTruthy();
  });

  it('asks before removing with the folder’s place, and removes it by id', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApi(<FolderPanel folders={TWO_MOVIES} canPickFolders={false} />);
    await user.click(screen.getByRole('button', { name: 'Remove folder Movies', description: '…/nas/media' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove “Movies”?' });
    expect(within(dialog).getByText('In …/nas/media')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Remove folder' }));
    expect(fake.callsTo('library.removeFolder')).toEqual([{ folderId: TWO_MOVIES[1]!.id }]);
  });

  it('shows no place for a folder at the root of a drive, and its name alone as the tooltip', () => {
    renderWithApi(<FolderPanel folders={[folder('root', '')]} canPickFolders={false} />);
    const row = within(screen.getByRole('list')).getByRole('listitem');
    expect(row.querySelector('.folder-where')).toBeNull();
    expect(row.querySelector('.folder-label')?.getAttribute('title')).toBe('Movies');
    expect(screen.getByRole('button', { name: 'Remove folder Movies' }).hasAttribute('aria-describedby')).toBe(false);
  });
});
