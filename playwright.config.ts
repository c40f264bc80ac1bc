import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3101);
// Debian's Chromium where it is installed (CI, air-gapped machines); otherwise Playwright's own browser.
const chromium = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // The foundation specs read the demo seed as it was created (counts per status, an organization's tasks);
  // the lifecycle specs add tasks. The dependency makes that order explicit rather than alphabetical luck.
  projects: [
    { name: 'foundation', testMatch: /foundation\.spec\.ts/ },
    { name: 'lifecycle', testMatch: /lifecycle\.spec\.ts/, dependencies: ['foundation'] },
    { name: 'audit', testMatch: /audit\.spec\.ts/, dependencies: ['lifecycle'] },
    { name: 'year', testMatch: /(needs|selection|after)\.spec\.ts/, dependencies: ['audit'] },
    // The public registry reads the seed's accepted tasks (the year's specs add none it looks for).
    { name: 'registry', testMatch: /registry\.spec\.ts/, dependencies: ['year'] },
    // Stops and starts the database: after the others, so that none of them runs into the outage.
    { name: 'hardening', testMatch: /hardening\.spec\.ts/, dependencies: ['registry'] },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `http://127.0.0.1:${port}/api/health`,
    env: { E2E_PORT: String(port) },
    timeout: 180_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'pipe',
  },
});
