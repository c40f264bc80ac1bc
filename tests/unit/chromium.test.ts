// The browser of the end-to-end tests when the machine has none (scripts/lib/chromium.mjs): the one inside the npm
// package @sparticuz/chromium, inflated into .cache/, with its libraries and fonts beside it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findChromium } from '../../scripts/lib/chromium.mjs';

afterEach(() => vi.unstubAllEnvs());

describe('the browser of the end-to-end tests', () => {
  it('is CHROMIUM_PATH when set, with nothing added to its environment', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/opt/some/chromium');
    expect(await findChromium({ ignoreSystem: true })).toEqual({ source: 'CHROMIUM_PATH', executablePath: '/opt/some/chromium', env: {} });
  });

  it('without a system browser, is the packaged one: it starts with its own libraries and knows its own fonts', async () => {
    vi.stubEnv('CHROMIUM_PATH', '');
    const browser = await findChromium({ ignoreSystem: true });
    expect(browser.source).toBe('@sparticuz/chromium');
    const [lib] = browser.env.LD_LIBRARY_PATH.split(':');
    for (const file of ['libnss3.so', 'libnspr4.so', 'libexpat.so.1']) expect(fs.existsSync(path.join(lib, file)), file).toBe(true);
    const version = execFileSync(browser.executablePath!, ['--version'], { env: { ...process.env, ...browser.env }, encoding: 'utf8' });
    expect(version).toMatch(/^Chromium \d+\./);
    // The fontconfig file names the inflated fonts (the package's own names Lambda's /tmp/fonts).
    const fontsDir = /<dir>([^<]+)<\/dir>/.exec(fs.readFileSync(browser.env.FONTCONFIG_FILE, 'utf8'))![1];
    expect(fs.readdirSync(fontsDir, { recursive: true }).some((f) => String(f).endsWith('.ttf'))).toBe(true);
    // Asked again, it is the same folder, not inflated twice.
    expect((await findChromium({ ignoreSystem: true })).executablePath).toBe(browser.executablePath);
  }, 60_000);
});
