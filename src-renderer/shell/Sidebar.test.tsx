import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeEvent, makeQueue, makeTelemetry } from '../api/testing';
import { renderWithApi } from '../test-utils';
import { NAV } from './nav';
import { Sidebar } from './Sidebar';

/** The sidebar as the shell has it: beside the main area, which a chosen link hands the focus to. */
function renderShell() {
  const user = userEvent.setup();
  renderWithApi(
    <>
      <Sidebar active="movies" />
      <main id="main" tabIndex={-1}>
        <button type="button">In the screen</button>
      </main>
    </>,
  );
  const menu = screen.getByRole('button', { name: 'Menu' });
  const nav = screen.getByRole('navigation', { name: 'Main' });
  return { user, menu, nav, link: (name: string) => within(nav).getByRole('link', { name }) };
}

describe('Sidebar', () => {
  it('marks every word the narrow layout hides, and each screen link keeps its name and a tooltip', async () => {
    const { container } = renderWithApi(<Sidebar active="home" />);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    for (const item of NAV) {
      const button = within(nav).getByRole('link', { name: item.label });
      expect(button.querySelector('.sidebar-text')?.textContent).toBe(item.label);
      expect(button.getAttribute('title')).toContain(item.label);
    }
    expect(container.querySelector('.brand .sidebar-text')?.textContent).toBe('Glasswing');
    expect((await screen.findByText('Telemetry off')).classList.contains('sidebar-text')).toBe(true);
  });

  it('opens the narrow window\'s menu from its button, with the focus on the current screen\'s link', async () => {
    const { user, menu, link } = renderShell();
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(menu.getAttribute('aria-controls')).toBe(document.querySelector('.sidebar-menu')?.id);
    await user.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(document.querySelector('.sidebar')?.classList.contains('is-open')).toBe(true);
    expect(document.activeElement).toBe(link('Movies'));
  });

  it('closes on Esc, gives the focus back to the button, and the Esc goes no further (it is not Back)', async () => {
    const { user, menu } = renderShell();
    const back = vi.fn();
    document.addEventListener('keydown', back);
    try {
      menu.focus();
      await user.keyboard('{Enter}');
      expect(menu.getAttribute('aria-expanded')).toBe('true');
      await user.keyboard('{Escape}');
      expect(menu.getAttribute('aria-expanded')).toBe('false');
      expect(document.activeElement).toBe(menu);
      expect(back).not.toHaveBeenCalledWith(expect.objectContaining({ key: 'Escape' }));
    } finally {
      document.removeEventListener('keydown', back);
    }
  });

  it('closes when a link is chosen and hands the focus to the screen, not to a hidden link', async () => {
    const { user, menu, link } = renderShell();
    await user.click(menu);
    await user.click(link('Settings'));
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(document.getElementById('main'));
  });

  it('closes on a press outside it and when the focus leaves it', async () => {
    const { user, menu } = renderShell();
    await user.click(menu);
    fireEvent.pointerDown(screen.getByRole('button', { name: 'In the screen' }));
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    await user.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    act(() => screen.getByRole('button', { name: 'In the screen' }).focus());
    expect(menu.getAttribute('aria-expanded')).toBe('false');
  });

  it('says how many events wait for review on the menu button too (the links are hidden), described and drawn, not in its name', async () => {
    renderWithApi(<Sidebar active="home" />, { telemetry: makeTelemetry({ queue: makeQueue([makeEvent(), makeEvent({ id: 'bbbbbbbb-x' })]) }) });
    const menu = screen.getByRole('button', { name: 'Menu' });
    await waitFor(() => expect(menu.getAttribute('aria-describedby')).toBe('nav-queued'));
    expect(document.getElementById('nav-queued')?.textContent).toBe('2 events queued');
    expect(menu.querySelector('.nav-badge')?.getAttribute('data-text')).toBe('2');
    expect(menu.textContent).toBe('');
  });
});
