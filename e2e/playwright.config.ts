import { defineConfig } from '@playwright/test';

/**
 * End-to-end suites drive the real UI in Debian's Chromium against the web host. The Electron mode needs
 * an Electron binary, which these machines cannot download; see e2e/electron.spec.ts.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: './artifacts/results',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--autoplay-policy=no-user-gesture-required'],
    },
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
  },
});
