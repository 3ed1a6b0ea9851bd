import { defineConfig } from '@playwright/test';
import { findChromium } from './build/ensure-browser.mjs';

// The Chromium that `npm run test:e2e` found or installed (build/ensure-browser.mjs runs first);
// the same lookup here, so the check and the launch agree. Null: Playwright reports its own browser missing.
const chromiumPath = findChromium()?.path;

export default defineConfig({
  testDir: './tests/e2e',
  // Each test starts its own browser host on its own temp data folder; two cores → one worker.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(chromiumPath ? { executablePath: chromiumPath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
