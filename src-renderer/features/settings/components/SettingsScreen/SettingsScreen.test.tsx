import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useRoute, type SettingsTab } from '../../../../app';
import { ApiError } from '../../../../api/errors';
import { defaultFakeSettings, type FakeState, type Handlers } from '../../../../api/testing';
import { renderWithApi } from '../../../../test-utils';
import { NAV } from '../../../../shell/nav';
import { BINDINGS } from '../../../player/model/keys';
import { SettingsScreen } from './SettingsScreen';

/** The screen as the shell shows it: its tab is whatever the address says. */
function RoutedSettings() {
  const route = useRoute();
  return route.screen === 'settings' ? <SettingsScreen tab={route.tab} /> : <p>Somewhere else</p>;
}

function renderAt(tab: SettingsTab, init: Partial<FakeState> = {}, handlers: Handlers = {}) {
  window.history.replaceState(null, '', `#/settings/${tab}`);
  return renderWithApi(<RoutedSettings />, init, handlers);
}

const refuse: Handlers = {
  'settings.update': () => {
    throw new ApiError('internal', 'The settings file is read-only');
  },
};

beforeEach(() => window.history.replaceState(null, '', '#/'));

describe('SettingsScreen: tabs', () => {
  it('has one h1 and a tablist whose selected tab is the one the address names', async () => {
    renderAt('privacy');
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Settings']);
    const tablist = screen.getByRole('tablist', { name: 'Settings' });
    expect(within(tablist).getAllByRole('tab').map((t) => t.textContent)).toEqual(['Library', 'Playback', 'Privacy', 'Shortcuts', 'Appearance']);
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Privacy');
    expect(screen.getByRole('tabpanel', { name: 'Privacy' })).toBeTruthy();
    expect(await screen.findByLabelText('Review window')).toBeTruthy();
  });

  it('puts the chosen tab in the address, replacing the entry so Back leaves Settings', async () => {
    const user = userEvent.setup();
    renderAt('library');
    const entries = window.history.length;
    await user.click(screen.getByRole('tab', { name: 'Appearance' }));
    expect(window.location.hash).toBe('#/settings/appearance');
    expect(window.history.length).toBe(entries);
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Appearance');
    expect(await screen.findByRole('radiogroup', { name: 'Theme' })).toBeTruthy();
  });

  it('moves between tabs with the arrow keys, Home and End, the address following', async () => {
    const user = userEvent.setup();
    renderAt('library');
    screen.getByRole('tab', { name: 'Library' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(window.location.hash).toBe('#/settings/playback');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Playback' }));
    await user.keyboard('{End}');
    expect(window.location.hash).toBe('#/settings/appearance');
    await user.keyboard('{ArrowRight}');
    expect(window.location.hash).toBe('#/settings/library');
    await user.keyboard('{ArrowLeft}');
    expect(window.location.hash).toBe('#/settings/appearance');
  });
});

describe('SettingsScreen: Playback', () => {
  it('saves each control at once and says so politely', async () => {
    const user = userEvent.setup();
    const { fake } = renderAt('playback');
    await user.selectOptions(await screen.findByLabelText('Audio language'), 'French');
    await user.selectOptions(screen.getByLabelText('Subtitle language'), 'English');
    await user.selectOptions(screen.getByLabelText('Transcode quality'), '720p (HD)');
    await user.click(screen.getByRole('switch', { name: 'Autoplay next episode' }));
    expect(fake.callsTo('settings.update')).toEqual([{ preferredAudioLanguage: 'fr' }, { preferredSubtitleLanguage: 'en' }, { transcodeQuality: '720p' }, { autoplayNextEpisode: false }]);
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('Autoplay next episode saved.');
    expect(screen.getByRole('switch', { name: 'Autoplay next episode' }).getAttribute('aria-checked')).toBe('false');
    expect((screen.getByLabelText('Audio language') as HTMLSelectElement).value).toBe('fr');
  });

  it('saves “File’s default” and “Off” as no language', async () => {
    const user = userEvent.setup();
    const { fake } = renderAt('playback', { settings: { ...defaultFakeSettings(), preferredAudioLanguage: 'de', preferredSubtitleLanguage: 'de' } });
    await user.selectOptions(await screen.findByLabelText('Audio language'), 'File’s default');
    await user.selectOptions(screen.getByLabelText('Subtitle language'), 'Off');
    expect(fake.callsTo('settings.update')).toEqual([{ preferredAudioLanguage: null }, { preferredSubtitleLanguage: null }]);
  });

  it('shows a language set by hand that is not in the list, rather than claiming another', async () => {
    renderAt('playback', { settings: { ...defaultFakeSettings(), preferredAudioLanguage: 'fra' } });
    const select = (await screen.findByLabelText('Audio language')) as HTMLSelectElement;
    expect(select.value).toBe('fra');
    expect(select.selectedOptions[0]?.textContent).toMatch(/\(fra\)$/);
  });

  it('labels every control and ties its help to it', async () => {
    renderAt('playback');
    for (const name of ['Audio language', 'Subtitle language', 'Transcode quality']) {
      expect((await screen.findByLabelText(name)).getAttribute('aria-describedby')).toMatch(/-help$/);
    }
    expect(screen.getByRole('switch', { name: 'Autoplay next episode', description: /count down and play the next one/ })).toBeTruthy();
  });
});

describe('SettingsScreen: saving fails', () => {
  it('says what went wrong and puts the old value back', async () => {
    const user = userEvent.setup();
    const { fake } = renderAt('playback', {}, refuse);
    await user.selectOptions(await screen.findByLabelText('Transcode quality'), '480p (SD)');
    expect((await screen.findByRole('alert')).textContent).toBe('Transcode quality was not saved: The settings file is read-only. The previous choice is kept.');
    expect((screen.getByLabelText('Transcode quality') as HTMLSelectElement).value).toBe('original');
    expect(fake.state.settings.transcodeQuality).toBe('original');
    await user.click(screen.getByRole('switch', { name: 'Autoplay next episode' }));
    expect(screen.getByRole('switch', { name: 'Autoplay next episode' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.queryByText(/ saved\.$/)).toBeNull();
  });

  it('says settings could not be loaded, and tries again on request', async () => {
    const user = userEvent.setup();
    let fail = true;
    renderAt('appearance', {}, {
      'settings.get': () => {
        if (fail) throw new ApiError('internal', 'The settings file is damaged.');
        return defaultFakeSettings();
      },
    });
    expect((await screen.findByRole('alert')).textContent).toBe('Settings could not be loaded: The settings file is damaged.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('radio', { name: 'System' })).toBeTruthy();
  });
});

describe('SettingsScreen: in step with other windows', () => {
  it('shows a change made in another window', async () => {
    const { fake } = renderAt('appearance');
    expect(((await screen.findByRole('radio', { name: 'System' })) as HTMLInputElement).checked).toBe(true);
    act(() => fake.emit('onDidChangeSettings', { ...defaultFakeSettings(), theme: 'dark' }));
    expect((screen.getByRole('radio', { name: 'Dark' }) as HTMLInputElement).checked).toBe(true);
  });

  it('asks main for the settings once, however many tabs are visited', async () => {
    const user = userEvent.setup();
    const { fake } = renderAt('playback');
    await screen.findByLabelText('Audio language');
    await user.click(screen.getByRole('tab', { name: 'Privacy' }));
    await user.click(screen.getByRole('tab', { name: 'Appearance' }));
    await screen.findByRole('radio', { name: 'Dark' });
    expect(fake.callsTo('settings.get')).toHaveLength(1);
  });
});

describe('SettingsScreen: Privacy', () => {
  it('saves the review window in hours and says what it does', async () => {
    const user = userEvent.setup();
    const { fake } = renderAt('privacy');
    const select = await screen.findByLabelText('Review window');
    expect([...(select as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['None', '1 hour', '6 hours', '24 hours', '3 days', '7 days', '30 days']);
    expect(screen.getByText(/Every event waits 24 hours in the queue/)).toBeTruthy();
    await user.selectOptions(select, '3 days');
    expect(fake.callsTo('settings.update')).toEqual([{ telemetryReviewHours: 72 }]);
    expect(screen.getByText(/Every event waits 3 days in the queue/)).toBeTruthy();
    await user.selectOptions(select, 'None');
    expect(screen.getByText(/may leave with the next batch without waiting/)).toBeTruthy();
  });

  it('keeps a window set by hand in settings.json, and links to What we collect', async () => {
    renderAt('privacy', { settings: { ...defaultFakeSettings(), telemetryReviewHours: 12 } });
    expect(((await screen.findByLabelText('Review window')) as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('12 hours');
    expect(screen.getByRole('link', { name: 'What we collect' }).getAttribute('href')).toBe('#/privacy');
  });
});

describe('SettingsScreen: Shortcuts', () => {
  it('lists every go-to chord and every player key, in tables', () => {
    renderAt('shortcuts');
    const goTo = screen.getByRole('table', { name: 'Go to' });
    for (const entry of NAV) {
      const row = within(goTo).getByRole('row', { name: new RegExp(`^${entry.label}`) });
      expect([...row.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['g', entry.key]);
    }
    const player = screen.getByRole('table', { name: 'Player' });
    for (const binding of BINDINGS) expect(within(player).getByRole('rowheader', { name: binding.label })).toBeTruthy();
    expect(within(player).getByRole('row', { name: /^Play or pause/ }).textContent).toContain('Space or k');
    const anywhere = screen.getByRole('table', { name: 'Anywhere' });
    expect(within(anywhere).getByRole('row', { name: /^Command palette/ }).textContent).toContain('Ctrl+K');
    expect(within(anywhere).getByRole('row', { name: /^Back/ }).textContent).toContain('Esc or Backspace');
    expect(screen.getByRole('table', { name: 'Grids, lists and tabs' })).toBeTruthy();
  });
});

describe('SettingsScreen: Appearance', () => {
  it('is a radio group saved at once', async () => {
    const user = userEvent.setup();
    const { fake } = renderAt('appearance');
    const group = await screen.findByRole('radiogroup', { name: 'Theme' });
    expect(within(group).getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual(['System', 'Light', 'Dark']);
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(fake.callsTo('settings.update')).toEqual([{ theme: 'dark' }]);
    await waitFor(() => expect(screen.getByText('Theme saved.')).toBeTruthy());
    expect((screen.getByRole('radio', { name: 'Dark' }) as HTMLInputElement).checked).toBe(true);
  });
});
