// `npm test`: the whole suite, in order, stopping at the first failure:
//   1. ESLint (the layers as import rules, Next's and React's rules) and Prettier's check
//   2. vitest: unit tests, then integration tests against a throwaway embedded PostgreSQL
//   3. next build (type-checks the app and produces the build the browser tests run against)
//   4. Playwright end-to-end tests in Chromium against `next start`
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { nextBin, root } from './lib/project.mjs';

const bin = (file) => path.join(root, 'node_modules', file);
const vitest = bin('vitest/vitest.mjs');
const playwright = bin('@playwright/test/cli.js');
const steps = [
  ['lint (eslint)', [bin('eslint/bin/eslint.js'), '.', '--max-warnings', '0']],
  ['format (prettier --check)', [bin('prettier/bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']],
  ['unit + integration (vitest)', [vitest, 'run']],
  ['next build', [nextBin, 'build']],
  ['end-to-end (playwright)', [playwright, 'test']],
];
const only = process.argv[2];
const results = [];
for (const [name, args] of steps) {
  if (only && !name.startsWith(only)) continue;
  const t = performance.now();
  console.log(`\n▶ ${name}`);
  const { status } = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  results.push({ name, ok: status === 0, seconds: ((performance.now() - t) / 1000).toFixed(1) });
  if (status !== 0) break;
}
console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? '✔' : '✘'} ${r.name} (${r.seconds} s)`);
const failed = results.some((r) => !r.ok) || results.length === 0;
process.exit(failed ? 1 : 0);
