// Playwright's web server: a fresh embedded PostgreSQL on a free port, migrations and demo seed, then the
// production build (`next build` must have run) served by its standalone server on E2E_PORT. A control port beside it
// (E2E_PORT + 1, loopback only) lets the outage test stop and start the database: POST /db/stop, POST /db/start.
// The background worker runs beside the server, as in production.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from './lib/embedded-pg.mjs';
import { migrate } from './lib/migrate-wasm.mjs';
import { clusterEntry, root, spawnWorker, standaloneServer, stopChild, tsxCli } from './lib/project.mjs';

process.chdir(root);
const pgdata = path.join(root, `.pgdata-e2e-${process.env.E2E_PORT ?? '3101'}`);
let db = await startEmbeddedPostgres({ dir: pgdata, fresh: true, databases: ['khcn_e2e'] });
let dbRunning = true;
const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'khcn-e2e-storage-'));
const env = {
  ...process.env,
  DATABASE_URL: db.url('khcn_e2e'),
  NEXT_TELEMETRY_DISABLED: '1',
  AUTH_SECRET: 'e2e-secret-0123456789abcdef0123456789',
  STORAGE_DIR: storage,
  // No SMTP_URL: a demo server, whose mails the app writes and the worker keeps as delivered, read by the leader at
  // the development mailbox (in production, only with MAIL_DEV_MAILBOX=1).
  MAIL_DEV_MAILBOX: '1',
};
let child;
let second;
let worker;
const shutdown = async (code = 0) => {
  await Promise.all([stopChild(child), stopChild(second), stopChild(worker)]);
  control.close();
  if (dbRunning) await db.stop();
  fs.rmSync(storage, { recursive: true, force: true });
  fs.rmSync(pgdata, { recursive: true, force: true });
  process.exit(code);
};
const control = http.createServer(async (req, res) => {
  try {
    if (req.method === 'POST' && req.url === '/db/stop' && dbRunning) {
      await db.stop();
      dbRunning = false;
    } else if (req.method === 'POST' && req.url === '/db/start' && !dbRunning) {
      db = await startEmbeddedPostgres({ dir: pgdata, port: db.port, databases: ['khcn_e2e'] });
      dbRunning = true;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ db: dbRunning ? 'running' : 'stopped' }));
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
});
control.listen(Number(process.env.E2E_PORT ?? 3101) + 1, '127.0.0.1');
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
try {
  await migrate('deploy', { url: env.DATABASE_URL, root, log: (m) => console.log(`[e2e] ${m}`) });
} catch (e) {
  console.error(`[e2e] ${e.message}`);
  await shutdown(1);
}
if (spawnSync(process.execPath, [tsxCli, 'prisma/seed.ts'], { stdio: 'inherit', env, cwd: root }).status !== 0) await shutdown(1);
// The standalone server the Dockerfile ships (`next build` must have run), not `next start`: the tested server is the deployed one.
const server = standaloneServer();
const port = Number(process.env.E2E_PORT ?? 3101);
// Each instance's JSON log lines go to the terminal and to a file the tests read (E2E_LOG_FILE): the logging test
// checks what a real request writes, and that no password or file content is among it.
const logFile = process.env.E2E_LOG_FILE ?? path.join(os.tmpdir(), `khcn-e2e-${port}.log`);
fs.writeFileSync(logFile, '');
// The first instance runs as `npm start` does, one process per core through scripts/cluster.cjs (two here): any
// process may answer any of a test's requests.
const instance = (p, processes) => {
  const proc = spawn(process.execPath, [clusterEntry, server], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...env, NODE_ENV: 'production', PORT: String(p), HOSTNAME: '127.0.0.1', WEB_CONCURRENCY: String(processes) },
    cwd: root,
  });
  proc.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    fs.appendFileSync(logFile, chunk);
  });
  return proc;
};
child = instance(port, 2);
// A second instance of the same build on the same database and files (E2E_PORT + 2), as behind a load balancer:
// the several-instances test logs in on one, uploads on the other and downloads on the first.
second = instance(port + 2, 1);
child.on('exit', (code) => shutdown(code ?? 0));
// The background worker, as production runs it beside the app (its deadline scan writes the reminders).
worker = await spawnWorker(env);
