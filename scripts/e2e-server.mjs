// Playwright's web server: a fresh embedded PostgreSQL on a free port, migrations and demo seed, then the
// production build (`next build` must have run) served by `next start` on E2E_PORT.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from './lib/embedded-pg.mjs';
import { migrate } from './lib/migrate-wasm.mjs';
import { nextBin, root, tsxCli } from './lib/project.mjs';

process.chdir(root);
const pgdata = path.join(root, `.pgdata-e2e-${process.env.E2E_PORT ?? '3101'}`);
const db = await startEmbeddedPostgres({ dir: pgdata, fresh: true, databases: ['khcn_e2e'] });
const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'khcn-e2e-storage-'));
const env = {
  ...process.env, DATABASE_URL: db.url('khcn_e2e'), NEXT_TELEMETRY_DISABLED: '1', AUTH_SECRET: 'e2e-secret-0123456789abcdef0123456789', STORAGE_DIR: storage,
};
let child;
const shutdown = async (code = 0) => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  await db.stop();
  fs.rmSync(storage, { recursive: true, force: true });
  fs.rmSync(pgdata, { recursive: true, force: true });
  process.exit(code);
};
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
try {
  await migrate('deploy', { url: env.DATABASE_URL, root, log: (m) => console.log(`[e2e] ${m}`) });
} catch (e) {
  console.error(`[e2e] ${e.message}`);
  await shutdown(1);
}
if (spawnSync(process.execPath, [tsxCli, 'prisma/seed.ts'], { stdio: 'inherit', env, cwd: root }).status !== 0) await shutdown(1);
child = spawn(process.execPath, [nextBin, 'start', '-p', process.env.E2E_PORT ?? '3101', '-H', '127.0.0.1'], { stdio: 'inherit', env, cwd: root });
child.on('exit', (code) => shutdown(code ?? 0));
