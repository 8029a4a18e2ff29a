import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { RecoveryNotice } from './RecoveryNotice';

describe('RecoveryNotice', () => {
  afterEach(cleanup);

  it('says the index was rebuilt, how much watched state was kept and the damaged copy’s name, until dismissed', async () => {
    const user = userEvent.setup();
    render(<RecoveryNotice recovery={{ damagedCopy: 'library.db.corrupt-20261123T024455Z', folders: 2, kept: 3, salvaged: 4, restoring: false }} />);
    const note = screen.getByRole('status', { name: 'Library index rebuilt' });
    expect(note.textContent).toContain('The library index was damaged and has been rebuilt from your folders.');
    expect(note.textContent).toContain('Watched marks were kept for 3 of 4 items.');
    expect(note.textContent).toContain('library.db.corrupt-20261123T024455Z');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status', { name: 'Library index rebuilt' })).toBeNull();
  });

  it('says the watched marks are still being restored while the rescan runs', () => {
    render(<RecoveryNotice recovery={{ damagedCopy: 'library.db.corrupt-x', folders: 1, kept: 0, salvaged: 1, restoring: true }} />);
    expect(screen.getByRole('status').textContent).toContain(
      'The library index was damaged and is being rebuilt from your folders. Restoring watched marks for 1 item as your folders are scanned.',
    );
  });

  it('asks for the folders again when none could be read back', () => {
    render(<RecoveryNotice recovery={{ damagedCopy: 'library.db.corrupt-x', folders: 0, kept: 0, salvaged: 0, restoring: false }} />);
    expect(screen.getByRole('status').textContent).toContain('add your folders again');
  });

  it('shows nothing when the index was not rebuilt', () => {
    const { container } = render(<RecoveryNotice recovery={null} />);
    expect(container.textContent).toBe('');
  });
});
