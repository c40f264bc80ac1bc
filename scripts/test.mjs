// `npm test`: the whole suite, in order, stopping at the first failure:
//   1. vitest: unit tests, then integration tests against a throwaway embedded PostgreSQL
//   2. next build (type-checks the app and produces the build the browser tests run against)
//   3. Playwright end-to-end tests in Chromium against `next start`
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { nextBin, root } from './lib/project.mjs';

const require = createRequire(import.meta.url);
const vitest = require.resolve('vitest/vitest.mjs');
const playwright = require.resolve('@playwright/test/cli');
const steps = [
  ['unit + integration (vitest)', [vitest, 'run']],
  ['migrations match the schema (prisma migrate diff)', [require.resolve('prisma/build/index.js'), 'migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema.prisma', '--exit-code']],
  ['next build', [nextBin, 'build']],
  ['end-to-end (playwright)', [playwright, 'test']],
];
const only = process.argv[2];
const results = [];
for (const [name, args] of steps) {
  if (only && !name.startsWith(only)) continue;
  const t = performance.now();
  console.log(`\n▶ ${name}`);
  const { status } = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  results.push({ name, ok: status === 0, seconds: ((performance.now() - t) / 1000).toFixed(1) });
  if (status !== 0) break;
}
console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? '✔' : '✘'} ${r.name} (${r.seconds} s)`);
const failed = results.some((r) => !r.ok) || results.length === 0;
process.exit(failed ? 1 : 0);
