import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import '../../../../test-utils';
import { ChapterList } from './ChapterList';

const CHAPTERS = [
  { title: 'Opening', startSec: 0 },
  // A file's tags are untrusted: markup in them is text.
  { title: '<img src=x onerror="alert(1)"> The <b>Pier</b>', startSec: 42 },
  { title: 'Night Falls', startSec: 3725 },
];

describe('ChapterList', () => {
  it('lists each chapter with its start time, titles as text, never as markup', () => {
    const { container } = render(<ChapterList chapters={CHAPTERS} onSeek={() => {}} />);
    const nav = screen.getByRole('navigation', { name: 'Chapters' });
    expect(within(nav).getAllByRole('button').map((b) => b.textContent)).toEqual(['0:00 Opening', '0:42 <img src=x onerror="alert(1)"> The <b>Pier</b>', '1:02:05 Night Falls']);
    expect(container.querySelector('img, b')).toBeNull();
  });

  it('seeks to a chapter’s start when it is chosen, from the keyboard too', async () => {
    const user = userEvent.setup();
    const onSeek = vi.fn();
    render(<ChapterList chapters={CHAPTERS} onSeek={onSeek} />);
    await user.click(screen.getByRole('button', { name: /Night Falls/ }));
    expect(onSeek).toHaveBeenLastCalledWith(3725);
    screen.getByRole('button', { name: /Opening/ }).focus();
    await user.keyboard('{Tab}{Enter}');
    expect(onSeek).toHaveBeenLastCalledWith(42);
  });

  it('marks the chapter playing now', () => {
    render(<ChapterList chapters={CHAPTERS} current={1} onSeek={() => {}} />);
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('aria-current'))).toEqual([null, 'true', null]);
  });

  it('renders nothing for a file without chapters', () => {
    const { container } = render(<ChapterList chapters={[]} onSeek={() => {}} />);
    expect(container.innerHTML).toBe('');
  });
});
