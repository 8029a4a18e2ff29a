import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApi } from '../test-utils';
import { NAV } from './nav';
import { Sidebar } from './Sidebar';

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

});
