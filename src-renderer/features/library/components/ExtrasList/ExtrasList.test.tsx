import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ExtrasList } from './ExtrasList';

const extras = [
  { id: 'a'.repeat(22), title: 'Making of', type: 'behind the scenes' as const, durationSec: 95 },
  { id: 'b'.repeat(22), title: '<b>Teaser</b>', type: 'trailer' as const, durationSec: null },
];

describe('ExtrasList', () => {
  it('folds the extras away and plays one chosen with the keyboard once opened', async () => {
    const user = userEvent.setup();
    const onPlay = vi.fn();
    render(<ExtrasList owner="Night Train" extras={extras} onPlay={onPlay} />);
    const summary = screen.getByText('Extras (2)');
    expect(summary.closest('details')?.open).toBe(false);
    // A native disclosure: browsers open it with Enter or Space; jsdom only with a click.
    await user.click(summary);
    expect(summary.closest('details')?.open).toBe(true);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Play Night Train behind the scenes: Making of' }));
    await user.keyboard('{Enter}');
    expect(onPlay).toHaveBeenCalledWith('a'.repeat(22));
    // A title is text, never markup.
    expect(screen.getByRole('button', { name: 'Play Night Train trailer: <b>Teaser</b>' }).querySelector('b')).toBeNull();
  });

  it('renders nothing without extras', () => {
    const { container } = render(<ExtrasList owner="Night Train" extras={[]} onPlay={() => undefined} />);
    expect(container.textContent).toBe('');
  });
});
