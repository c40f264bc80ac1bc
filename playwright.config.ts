import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/lib/chromium.mjs';

const port = Number(process.env.E2E_PORT ?? 3101);
// CHROMIUM_PATH, else a system Chromium, else Playwright's own browser, else the one the npm package
// @sparticuz/chromium ships (inflated once into .cache/): a fresh machine needs nothing but Node.
const chromium = await findChromium({ log: (m) => console.log(`[chromium] ${m}`) });

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
      executablePath: chromium.executablePath,
      env: { ...process.env, ...chromium.env } as Record<string, string>,
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
    // Logs each demo account in through the form once and stores its session (tests/e2e/.auth/): the other specs
    // reuse them instead of filling the login form in every test.
    { name: 'auth', testMatch: /auth\.setup\.ts/ },
    { name: 'foundation', testMatch: /foundation\.spec\.ts/, dependencies: ['auth'] },
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
