// First-load JavaScript per route of a production build (`next build`), gzip: what a browser downloads to show a
// page of the App Router the first time. Next 16 no longer prints these sizes, so they are read from the build:
// the runtime's chunks (`rootMainFiles` of .next/build-manifest.json; the legacy polyfills, loaded only by browsers
// without modules, are left out) and every chunk the route's segments enter with (`entryJSFiles` of the route's
// .next/server/app/<route>/page_client-reference-manifest.js: its layouts, error, not-found and forbidden boundaries,
// and the page). Each distinct chunk is gzipped at level 9 (as gzip-size and the former Next output did) and counted
// once per route. Run with `npm run bench -- --routes`, or `node scripts/lib/route-sizes.mjs [.next]`.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import zlib from 'node:zlib';

/** The budgets of issue 12: a page that is mostly a form at most 170 kB, any other page (lists, dashboards) 140 kB. */
export const BUDGETS = { form: 170_000, list: 140_000 };

/**
 * A page mostly a form: creating or editing a record (…/new, …/edit), a record's page with its action forms
 * (…/[id]), signing in or up, a profile or the settings. Every other page is a list or a dashboard.
 */
export function pageKind(route) {
  const last = route.split('/').at(-1) ?? '';
  return /^(new|edit|login|sign-up|profile|settings)$/.test(last) || /^\[.+\]$/.test(last) ? 'form' : 'list';
}

/** The client reference manifest of an app page, read as the server does (a script that fills a global). */
function clientManifest(file, key) {
  const sandbox = { globalThis: {} };
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox);
  return sandbox.__RSC_MANIFEST[key];
}

/**
 * Every page of the build (internal ones like /_not-found left out) with its first-load JavaScript, gzip bytes, and
 * the chunks every page shares. Null when `nextDir` holds no build.
 */
export function routeSizes(nextDir) {
  const buildManifest = path.join(nextDir, 'build-manifest.json');
  if (!fs.existsSync(buildManifest)) return null;
  const rootMainFiles = JSON.parse(fs.readFileSync(buildManifest, 'utf8')).rootMainFiles.filter((f) => f.endsWith('.js'));
  const appRoutes = JSON.parse(fs.readFileSync(path.join(nextDir, 'app-path-routes-manifest.json'), 'utf8'));
  const gzipped = new Map();
  const gzipSize = (file) => {
    if (!gzipped.has(file)) gzipped.set(file, zlib.gzipSync(fs.readFileSync(path.join(nextDir, file)), { level: 9 }).length);
    return gzipped.get(file);
  };
  const pages = [];
  for (const [key, route] of Object.entries(appRoutes)) {
    if (!key.endsWith('/page') || route.startsWith('/_')) continue;
    const manifest = path.join(nextDir, 'server', 'app', `${key}_client-reference-manifest.js`);
    if (!fs.existsSync(manifest)) continue;
    const files = new Set(rootMainFiles);
    for (const chunks of Object.values(clientManifest(manifest, key).entryJSFiles))
      for (const f of chunks) if (f.endsWith('.js')) files.add(f);
    const kind = pageKind(route);
    pages.push({ route, kind, budget: BUDGETS[kind], files, bytes: [...files].reduce((sum, f) => sum + gzipSize(f), 0) });
  }
  pages.sort((a, b) => a.route.localeCompare(b.route));
  const shared = pages.length ? [...pages[0].files].filter((f) => pages.every((p) => p.files.has(f))) : [];
  return {
    builtAt: fs.statSync(path.join(nextDir, 'BUILD_ID')).mtime,
    pages,
    sharedBytes: shared.reduce((sum, f) => sum + gzipSize(f), 0),
    runtimeBytes: rootMainFiles.reduce((sum, f) => sum + gzipSize(f), 0),
    chunks: [...gzipped].map(([file, bytes]) => ({ file, bytes, routes: pages.filter((p) => p.files.has(file)).length })),
  };
}

/** Prints the table of routes with their sizes against their budgets, and the largest chunks. */
export function printRouteSizes(nextDir, log = console.log) {
  const sizes = routeSizes(nextDir);
  if (!sizes) {
    log(`first-load JavaScript per route: no build in ${nextDir} (run \`npm run build\` first)`);
    return null;
  }
  const kB = (n) => (n / 1000).toFixed(1).padStart(6);
  log(
    `first-load JavaScript per route, gzip (build of ${sizes.builtAt.toISOString()}); budgets: form pages ` +
      `${BUDGETS.form / 1000} kB, lists and other pages ${BUDGETS.list / 1000} kB; shared by every page ${kB(sizes.sharedBytes).trim()} kB, ` +
      `of which the framework's runtime (rootMainFiles) ${kB(sizes.runtimeBytes).trim()} kB\n`,
  );
  log(`${'route'.padEnd(46)} kind   first load   budget`);
  for (const p of sizes.pages)
    log(`${p.route.padEnd(46)} ${p.kind.padEnd(4)}  ${kB(p.bytes)} kB  ${kB(p.budget)} kB${p.bytes > p.budget ? '  over' : ''}`);
  const over = sizes.pages.filter((p) => p.bytes > p.budget);
  log(`\n${over.length} of ${sizes.pages.length} pages over their budget. Largest chunks (gzip, pages that load them):`);
  for (const c of sizes.chunks.sort((a, b) => b.bytes - a.bytes).slice(0, 5))
    log(`  ${c.file.padEnd(40)} ${kB(c.bytes)} kB  ${c.routes} pages`);
  return sizes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printRouteSizes(path.resolve(process.argv[2] ?? '.next'));
