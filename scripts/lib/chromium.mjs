// The browser the end-to-end tests run in, found without asking anything of the system:
//   1. CHROMIUM_PATH, when set;
//   2. a system Chromium (Debian's /usr/bin/chromium and the like);
//   3. Playwright's own browser, where `npx playwright install` could download it (a developer's laptop);
//   4. otherwise the headless Chromium that the npm package @sparticuz/chromium ships: its brotli archives are
//      inflated once into .cache/chromium-<version>/ of the project, and the browser runs with the NSS/NSPR/expat
//      libraries of its al2023 archive on LD_LIBRARY_PATH and its own fonts (Open Sans, which covers Vietnamese)
//      through a fontconfig file of its own, so it needs only libc and libgcc from the system.
// E2E_IGNORE_SYSTEM_CHROMIUM=1 skips 2 and 3, to try on a machine that has a browser what a fresh one does.
// Usage: `node scripts/lib/chromium.mjs` inflates the package's browser if needed and prints what was found.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';
import { extract } from 'tar-fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * The archives of @sparticuz/chromium and where each goes in the cache folder: the browser and the SwiftShader
 * libraries it loads from its own folder (libEGL, libGLESv2, Vulkan) at the top, the al2023 libraries (NSS, NSPR,
 * expat) in al2023/lib, the fonts in fonts/.
 */
const ARCHIVES = [
  ['chromium.br', 'chromium'],
  ['swiftshader.tar.br', '.'],
  ['al2023.tar.br', 'al2023'],
  ['fonts.tar.br', '.'],
];
/** Written last into the cache folder: its presence means every archive was inflated whole. */
const DONE = '.inflated';

/**
 * @typedef {{ source: 'CHROMIUM_PATH' | 'system' | 'playwright' | '@sparticuz/chromium',
 *   executablePath?: string, env: Record<string, string> }} Browser
 */

/** Where Playwright's own Chromium would be, if it was downloaded; undefined when it is not there. */
function playwrightChromium() {
  try {
    const { chromium } = require('playwright-core');
    const file = chromium.executablePath();
    return file && fs.existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/** The browser to launch and the environment it needs (empty for a system or Playwright browser). */
export async function findChromium({ ignoreSystem = process.env.E2E_IGNORE_SYSTEM_CHROMIUM === '1', log = () => {} } = {}) {
  if (process.env.CHROMIUM_PATH) return { source: 'CHROMIUM_PATH', executablePath: process.env.CHROMIUM_PATH, env: {} };
  if (!ignoreSystem) {
    const system = SYSTEM_CHROMIUM.find((file) => fs.existsSync(file));
    if (system) return { source: 'system', executablePath: system, env: {} };
    if (playwrightChromium()) return { source: 'playwright', executablePath: undefined, env: {} };
  }
  return packagedChromium({ log });
}

/** @sparticuz/chromium's browser, inflated into the project's cache folder on first use. */
export async function packagedChromium({ log = () => {} } = {}) {
  // The package exports only its code (build/index.js): its folder is two levels up.
  const pkgDir = path.resolve(path.dirname(require.resolve('@sparticuz/chromium')), '..');
  const { version } = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const dir = path.join(root, '.cache', `chromium-${version}`);
  if (!fs.existsSync(path.join(dir, DONE))) {
    const started = Date.now();
    log(`inflating @sparticuz/chromium ${version} into ${path.relative(root, dir)}/`);
    // Into a folder of this process first, then renamed: a run that stops halfway, or two runs at once, never
    // leave a half-inflated browser where the next one would take it for whole.
    const tmp = `${dir}.tmp-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(tmp, { recursive: true });
    try {
      for (const [name, to] of ARCHIVES) {
        const source = fs.createReadStream(path.join(pkgDir, 'bin', name));
        const target = name.endsWith('.tar.br')
          ? extract(path.join(tmp, to), { chown: false })
          : fs.createWriteStream(path.join(tmp, to), { mode: 0o755 });
        await pipeline(source, createBrotliDecompress({ chunkSize: 2 ** 21 }), target);
      }
      // The package's fonts.conf names Lambda's folders (/tmp/fonts, /var/task/fonts): this one names ours.
      fs.writeFileSync(path.join(tmp, 'fonts.conf'), fontsConf(dir));
      fs.writeFileSync(path.join(tmp, DONE), `${new Date().toISOString()}\n`);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(tmp, dir);
    } catch (e) {
      fs.rmSync(tmp, { recursive: true, force: true });
      if (!fs.existsSync(path.join(dir, DONE))) throw e; // another run finished it meanwhile: use theirs
    }
    log(`inflated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const lib = path.join(dir, 'al2023', 'lib');
  return {
    source: '@sparticuz/chromium',
    executablePath: path.join(dir, 'chromium'),
    env: {
      // The browser's folder holds the SwiftShader libraries it loads (libEGL, libGLESv2, Vulkan).
      LD_LIBRARY_PATH: [lib, dir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: path.join(dir, 'fonts.conf'),
    },
  };
}

/** A fontconfig file that knows only the package's fonts: pages render alike on every machine. */
const fontsConf = (dir) => `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${path.join(dir, 'fonts')}</dir>
  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>
</fontconfig>
`;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const found = await findChromium({ log: (m) => console.log(`[chromium] ${m}`) });
  console.log(JSON.stringify(found, null, 2));
}
