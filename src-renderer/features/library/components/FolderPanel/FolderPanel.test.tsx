import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Folder } from '../../../../api';
import { renderWithApi } from '../../../../test-utils';
import { FolderPanel } from './FolderPanel';

function folder(id: string, parent: string): Folder {
  return { id: id.padEnd(22, 'x'), name: 'Movies', location: { parent, full: `${parent}/Movies` }, kind: 'movies', itemCount: 3, online: true };
}

const TWO_MOVIES = [folder('home', '/home/you'), folder('nas', '/mnt/nas/media')];

describe('FolderPanel', () => {
  it('tells two folders named “Movies” apart by where each is, on screen, in the tooltip and to a screen reader', () => {
    renderWithApi(<FolderPanel folders={TWO_MOVIES} canPickFolders={false} />);
    const rows = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('.folder-where')?.textContent)).toEqual(['/home/you', '/mnt/nas/media']);
    expect(rows.map((row) => row.querySelector('.folder-label')?.getAttribute('title'))).toEqual(['/home/you/Movies', '/mnt/nas/media/Movies']);
    expect(screen.getByRole('button', { name: 'Remove folder Movies', description: '/home/you/Movies' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove folder Movies', description: '/mnt/nas/media/Movies' })).toBeTruthy();
  });

  it('asks before removing with the whole path of the folder, and removes it by id', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApi(<FolderPanel folders={TWO_MOVIES} canPickFolders={false} />);
    await user.click(screen.getByRole('button', { name: 'Remove folder Movies', description: '/mnt/nas/media/Movies' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove “Movies”?' });
    expect(within(dialog).getByText('/mnt/nas/media/Movies')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Remove folder' }));
    expect(fake.callsTo('library.removeFolder')).toEqual([{ folderId: TWO_MOVIES[1]!.id }]);
  });

});
