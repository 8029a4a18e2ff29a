import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations, type AxeFinding } from './support/axe.js';
import { startApp, type RunningApp } from './support/app.js';
import { expectApart, expectInside, expectNoSpill, expectWholeText } from './support/layout.js';

/**
 * Issue 13: every screen, in light and dark, as a user reaches it (through links from the screen before),
 * with a screenshot of each to look at and axe on each: no serious or critical violation, contrast included.
 * Then the narrow window: the sidebar collapses, and nothing spills, overlaps or is cut off down to 360 px.
 */
let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp(['--demo']);
});

test.afterAll(async () => {
  await app?.stop();
});

type Theme = 'light' | 'dark';

interface Visit {
  name: string;
  /** Gets there from wherever the previous visit left the page. */
  go: (page: Page) => Promise<void>;
  /** The screen's h1 once it has arrived. */
  heading: RegExp;
}

const hash = async (page: Page, h: string): Promise<void> => {
  await page.evaluate((to) => {
    window.location.hash = to;
  }, h);
};
/** Clicks a card's or row's link where its title is (a poster's middle is its Play button, as in Plex). */
async function follow(page: Page, name: RegExp): Promise<void> {
  const link = page.getByRole('main').getByRole('link', { name }).first();
  const box = await link.boundingBox();
  await link.click({ timeout: 10_000, ...(box ? { position: { x: Math.min(8, box.width / 2), y: box.height - 6 } } : {}) });
}

const VISITS: Visit[] = [
  { name: 'home', go: (p) => hash(p, '#/'), heading: /Home/ },
  { name: 'movies', go: (p) => hash(p, '#/movies'), heading: /Movies/ },
  { name: 'movie', go: (p) => follow(p, /Night Train/), heading: /Night Train/ },
  { name: 'shows', go: (p) => hash(p, '#/shows'), heading: /Shows/ },
  { name: 'show', go: (p) => follow(p, /Harbour Lights/), heading: /Harbour Lights/ },
  { name: 'episode', go: (p) => follow(p, /S01E02|Episode 2|E2/), heading: /./ },
  { name: 'artists', go: (p) => hash(p, '#/music/artists'), heading: /Music/ },
  { name: 'artist', go: (p) => follow(p, /Glass Harbour/), heading: /Glass Harbour/ },
  { name: 'album', go: (p) => follow(p, /Low Tide/), heading: /Low Tide/ },
  { name: 'albums', go: (p) => hash(p, '#/music/albums'), heading: /Music/ },
  { name: 'search', go: (p) => hash(p, '#/search?q=harbour'), heading: /Search/ },
  { name: 'settings-library', go: (p) => hash(p, '#/settings/library'), heading: /Settings/ },
  { name: 'settings-playback', go: (p) => hash(p, '#/settings/playback'), heading: /Settings/ },
  { name: 'settings-privacy', go: (p) => hash(p, '#/settings/privacy'), heading: /Settings/ },
  { name: 'settings-shortcuts', go: (p) => hash(p, '#/settings/shortcuts'), heading: /Settings/ },
  { name: 'settings-appearance', go: (p) => hash(p, '#/settings/appearance'), heading: /Settings/ },
  { name: 'privacy', go: (p) => hash(p, '#/privacy'), heading: /What we collect/ },
];

async function firstRun(page: Page): Promise<void> {
  await page.goto(app.url);
  // The first test answers the first-run screen; the app remembers that for the tests after it.
  const cont = page.getByRole('button', { name: 'Continue' });
  await expect(cont.or(page.getByRole('navigation', { name: 'Main' }))).toBeVisible();
  if (await cont.isVisible()) await cont.click();
  // The demo library is scanned on first start: wait for its movies.
  await hash(page, '#/movies');
  await expect(page.getByRole('main').getByRole('link', { name: /Night Train/ }).first()).toBeVisible({ timeout: 60_000 });
}

async function look(page: Page, theme: Theme, name: string, found: Array<AxeFinding & { screen: string }>): Promise<void> {
  // Skeletons and fade-ins settle before the picture and the audit.
  await page.waitForTimeout(300);
  await page.screenshot({ path: `e2e/artifacts/screens-${theme}-${name}.png` });
  for (const finding of await seriousViolations(page)) found.push({ ...finding, screen: `${theme} ${name}` });
}

for (const theme of ['light', 'dark'] as const) {
  test(`every screen in ${theme}: a screenshot each and no serious accessibility violation`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await firstRun(page);
    const found: Array<AxeFinding & { screen: string }> = [];
    for (const visit of VISITS) {
      await visit.go(page);
      await expect(page.getByRole('heading', { level: 1, name: visit.heading }), visit.name).toBeVisible();
      await look(page, theme, visit.name, found);
    }
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
    await look(page, theme, 'palette', found);
    await page.keyboard.press('Escape');

    await hash(page, '#/music/albums');
    await follow(page, /Low Tide/);
    await page.getByRole('button', { name: 'Play all' }).click();
    await expect(page.getByRole('region', { name: 'Now playing' })).toBeVisible();
    await page.keyboard.press('k');
    await look(page, theme, 'now-playing', found);

    await hash(page, '#/movies');
    await follow(page, /Night Train/);
    await page.getByRole('button', { name: /^(Play|Resume)/ }).first().click();
    await expect(page.getByRole('dialog', { name: /Night Train/ })).toBeVisible();
    await page.keyboard.press('k');
    await look(page, theme, 'player', found);
    // Written before the verdict, so a failing run leaves the findings beside its screenshots.
    fs.writeFileSync(`e2e/artifacts/axe-${theme}.json`, JSON.stringify(found, null, 2));
    expect(found, found.map((f) => `${f.screen}: ${f.rule} (${f.impact}) ${f.help} at ${f.targets.join(', ')}`).join('\n')).toEqual([]);
  });
}

/*
 * The narrow window (issue 13: "at 800×600 the sidebar stays and the review chip overlaps Delete; at 420 px folder
 * names disappear"). This test was a fixme because "a click after first run never resolved": the first-run helper
 * then clicked Continue unconditionally, and in a file where an earlier test had answered the first run that
 * button never came (a4db528 made the click conditional). Here it also clicks at narrow widths, through the menu.
 */

/** A folder whose name is long enough to be cut in a narrow row. */
const LONG_FOLDER = 'Home Videos From The Summer Holidays In Portugal';

/** Turns Performance on (What we collect, Consent) and adds a folder with a long name: its scan is queued as an event. */
async function queueAnEventAndAddALongFolder(page: Page): Promise<void> {
  await hash(page, '#/privacy');
  await page.getByRole('tab', { name: 'Consent' }).click();
  for (const name of ['All telemetry', 'Performance']) {
    const toggle = page.getByRole('switch', { name, exact: true });
    if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
  }
  await hash(page, '#/settings/library');
  const folders = page.getByRole('list', { name: 'Library folders' });
  await expect(folders).toBeVisible();
  if ((await folders.getByText(LONG_FOLDER).count()) === 0) {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-narrow-')), LONG_FOLDER);
    fs.mkdirSync(dir);
    await page.getByRole('textbox', { name: 'Folder path' }).fill(dir);
    await page.getByRole('button', { name: 'Add folder' }).click();
    await expect(folders.getByText(LONG_FOLDER)).toBeVisible();
  }
}

interface NarrowVisit {
  name: string;
  go: (page: Page) => Promise<void>;
  heading: RegExp;
  /** What must be whole and apart on this screen, at every width. */
  check: (page: Page, width: number) => Promise<void>;
}

async function checkGrid(page: Page): Promise<void> {
  const cards = page.getByRole('grid', { name: 'Movies' }).getByRole('link');
  await expect(cards).toHaveCount(2);
  await expectApart(cards.nth(0), cards.nth(1), 'two movie cards');
  await expectWholeText(cards.nth(0).getByText('Night Train', { exact: true }), 'a card title');
}

async function checkItem(page: Page): Promise<void> {
  const title = page.getByRole('heading', { level: 1, name: 'Night Train' });
  const play = page.getByRole('main').getByRole('button', { name: /^(Play|Resume)/ }).first();
  await expectWholeText(title, 'the movie title');
  await expectApart(title, play, 'the title and Play');
}

/** Every folder's name and place whole, and neither under its buttons. */
async function checkFolders(page: Page): Promise<void> {
  const rows = page.getByRole('list', { name: 'Library folders' }).getByRole('listitem');
  await expect(rows.getByText(LONG_FOLDER)).toBeVisible();
  for (const row of await rows.all()) {
    const name = row.locator('bdi').first();
    await row.scrollIntoViewIfNeeded();
    await expectWholeText(name, `folder name "${await name.textContent()}"`);
    await expectWholeText(row.locator('bdi').nth(1), 'its place');
    await expectApart(name, row.getByRole('button', { name: /^Scan folder/ }), 'a folder name and its Scan button');
    await expectApart(row.locator('bdi').nth(1), row.getByRole('button', { name: /^Remove folder/ }), 'a folder place and its Remove button');
  }
}

/** Each queued event's review chip beside its Delete button, not under it, and inside its own row. */
async function checkQueue(page: Page): Promise<void> {
  const rows = page.getByRole('list', { name: 'Queued events' }).getByRole('listitem');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  for (const row of (await rows.all()).slice(0, 3)) {
    await row.scrollIntoViewIfNeeded();
    const chip = row.getByText(/^(In review|Ready to send|In next batch|Held)$|^In review until/);
    const del = row.getByRole('button', { name: /^Delete event/ });
    await expectWholeText(chip, 'the review chip');
    await expectApart(chip, del, 'the review chip and Delete');
    await expectInside(chip, row, 'the review chip in its row');
    for (const field of await row.getByText(/^\w+: /).all()) await expectInside(field, row, 'a field in its row');
  }
}

const NARROW_VISITS: NarrowVisit[] = [
  { name: 'home', go: (p) => hash(p, '#/'), heading: /Home/, check: async () => {} },
  { name: 'movies', go: (p) => hash(p, '#/movies'), heading: /Movies/, check: checkGrid },
  { name: 'movie', go: (p) => follow(p, /Night Train/), heading: /Night Train/, check: checkItem },
  { name: 'settings-library', go: (p) => hash(p, '#/settings/library'), heading: /Settings/, check: checkFolders },
  { name: 'privacy', go: (p) => hash(p, '#/privacy'), heading: /What we collect/, check: checkQueue },
];

/** Below 600 px the links sit behind a menu button: it opens them, Esc closes them and gives the focus back. */
async function useTheMenu(page: Page, shot: (name: string) => Promise<void>): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByRole('link', { name: 'What we collect' })).toBeFocused();
  await expectNoSpill(page, 'the open menu');
  await shot('menu');
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
  // Esc closed the menu and did not also go back a screen.
  await expect(page.getByRole('heading', { level: 1, name: /What we collect/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await nav.getByRole('link', { name: 'Movies', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Movies/ })).toBeVisible();
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
}

/** The sidebar is an icon rail at 800 px and a bar across the top below 600 px: either way it gives the width to the screen. */
async function expectSidebarCollapsed(page: Page, width: number): Promise<void> {
  const main = await page.getByRole('main').boundingBox();
  if (width >= 600) expect(main?.x, 'the rail is narrow').toBeLessThanOrEqual(64);
  else expect(main?.x, 'the bar leaves the whole width to the screen').toBe(0);
}

test('narrow windows: the sidebar collapses, and nothing spills, overlaps or is cut off at 800, 420 and 360 px', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await firstRun(page);
  await queueAnEventAndAddALongFolder(page);
  for (const width of [800, 420, 360]) {
    await page.setViewportSize({ width, height: width === 800 ? 600 : 720 });
    const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`narrow-${width}-${name}.png`) }).then(() => {});
    for (const visit of NARROW_VISITS) {
      await visit.go(page);
      await expect(page.getByRole('heading', { level: 1, name: visit.heading }), `${visit.name} at ${width}`).toBeVisible();
      await expectSidebarCollapsed(page, width);
      await expectNoSpill(page, `${visit.name} at ${width} px`);
      await shot(visit.name);
      await visit.check(page, width);
      // The rows checked further down the screen (folders, queued events), as they were checked.
      if (await page.getByRole('main').evaluate((main) => main.scrollTop > 0)) await shot(`${visit.name}-rows`);
    }
    if (width < 600) await useTheMenu(page, shot);
  }
});
