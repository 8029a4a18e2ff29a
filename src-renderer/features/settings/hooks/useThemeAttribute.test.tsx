import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/errors';
import { defaultFakeSettings } from '../../../api/testing';
import { renderWithApi } from '../../../test-utils';
import { SettingsScreen } from '../components/SettingsScreen/SettingsScreen';
import { applyRememberedTheme } from '../model/theme';
import { useThemeAttribute } from './useThemeAttribute';

function Themed({ children }: { children?: React.ReactNode }) {
  useThemeAttribute();
  return <>{children}</>;
}

const root = document.documentElement;

afterEach(() => {
  delete root.dataset.theme;
  localStorage.clear();
});

describe('useThemeAttribute', () => {
  it('pins light or dark on <html>, removes the pin for System, and follows other windows', async () => {
    const { fake } = renderWithApi(<Themed />, { settings: { ...defaultFakeSettings(), theme: 'dark' } });
    await act(async () => {});
    expect(root.dataset.theme).toBe('dark');
    expect(localStorage.getItem('glasswing.theme')).toBe('dark');
    act(() => fake.emit('onDidChangeSettings', { ...defaultFakeSettings(), theme: 'light' }));
    expect(root.dataset.theme).toBe('light');
    act(() => fake.emit('onDidChangeSettings', { ...defaultFakeSettings(), theme: 'system' }));
    expect(root.hasAttribute('data-theme')).toBe(false);
    expect(localStorage.getItem('glasswing.theme')).toBeNull();
  });

  it('applies a theme chosen on the Appearance tab at once', async () => {
    const user = userEvent.setup();
    renderWithApi(
      <Themed>
        <SettingsScreen tab="appearance" />
      </Themed>,
    );
    await user.click(await screen.findByRole('radio', { name: 'Light' }));
    expect(root.dataset.theme).toBe('light');
  });

  it('keeps the theme in force when saving another fails', async () => {
    const user = userEvent.setup();
    renderWithApi(
      <Themed>
        <SettingsScreen tab="appearance" />
      </Themed>,
      { settings: { ...defaultFakeSettings(), theme: 'dark' } },
      { 'settings.update': () => Promise.reject(new ApiError('internal', 'Disk full.')) },
    );
    await user.click(await screen.findByRole('radio', { name: 'Light' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(root.dataset.theme).toBe('dark');
    expect((screen.getByRole('radio', { name: 'Dark' }) as HTMLInputElement).checked).toBe(true);
  });

  it('leaves what main.tsx remembered until settings arrive', () => {
    localStorage.setItem('glasswing.theme', 'dark');
    applyRememberedTheme();
    renderWithApi(<Themed />, {}, { 'settings.get': () => new Promise(() => {}) });
    expect(root.dataset.theme).toBe('dark');
  });
});

describe('applyRememberedTheme', () => {
  it('applies only light or dark, whatever else storage holds', () => {
    localStorage.setItem('glasswing.theme', '"><script>');
    applyRememberedTheme();
    expect(root.hasAttribute('data-theme')).toBe(false);
    localStorage.setItem('glasswing.theme', 'light');
    applyRememberedTheme();
    expect(root.dataset.theme).toBe('light');
  });
});
