import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Plot } from './Plot';

const MARKUP = 'A night ferry crosses the <b>harbour</b> & <script>alert(1)</script> the lights go out.';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** jsdom lays nothing out: say how tall the text is and how much of it the clamp shows. */
function layout(scrollHeight: number, clientHeight: number) {
  vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(scrollHeight);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(clientHeight);
}

describe('Plot', () => {
  it('shows markup in the plot as text, never as elements', () => {
    layout(40, 40);
    const { container } = render(<Plot text={MARKUP} />);
    expect(screen.getByText(MARKUP)).toBeTruthy();
    expect(container.querySelector('b, script')).toBeNull();
  });

  it('offers More only when the text is cut off, and More and Less say whether it is expanded', async () => {
    layout(160, 80);
    const user = userEvent.setup();
    render(<Plot text={MARKUP} />);
    const more = screen.getByRole('button', { name: 'More' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(more.getAttribute('aria-controls')!)?.textContent).toBe(MARKUP);
    await user.click(more);
    const less = screen.getByRole('button', { name: 'Less' });
    expect(less.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(less.getAttribute('aria-controls')!)?.className).toContain('is-open');
    await user.click(less);
    expect(screen.getByRole('button', { name: 'More' }).getAttribute('aria-expanded')).toBe('false');
  });

  it("takes the page's class beside its own, so the item pages and the player each style it", () => {
    layout(40, 40);
    const { container } = render(<Plot text="Short." className="dt-plot" />);
    expect(container.firstElementChild?.className).toBe('plot dt-plot');
  });

  it('offers no toggle for a plot that fits', () => {
    layout(40, 40);
    render(<Plot text="Short." />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
