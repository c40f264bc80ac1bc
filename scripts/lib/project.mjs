// Paths and defaults shared by the scripts. Every script works from any folder: paths are resolved from here.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export const root = path.resolve(import.meta.dirname, '../..');
export const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
export const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
export const DEV_DB_PORT = Number(process.env.PGPORT_DEV ?? 54329);
export const DEV_DB_NAME = 'khcn';
export const DEV_SECRET = 'dev-only-insecure-secret-change-me-0123456789';
/** Runs a standalone server as one process per core (WEB_CONCURRENCY): `node scripts/cluster.cjs <server.js>`. */
export const clusterEntry = path.join(root, 'scripts', 'cluster.cjs');

/** Reads .env (if present) into process.env without overriding what the environment already sets. */
export function loadDotEnv() {
  const file = path.join(root, '.env');
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

/** Starts the background worker (scripts/worker.ts, as `npm run worker` does) as a child process. */
export async function spawnWorker(env) {
  const { spawn } = await import('node:child_process');
  return spawn(process.execPath, [tsxCli, '--conditions=react-server', 'scripts/worker.ts'], { stdio: 'inherit', env, cwd: root });
}

/** Stops a child process (SIGTERM) and waits for it to exit. */
export async function stopChild(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

/**
 * Next's standalone server of a production build (`output: 'standalone'`), made whole as the Dockerfile makes it:
 * the static files and the public folder copied beside it. Returns the path of its server.js.
 */
export function standaloneServer(distDir = process.env.NEXT_DIST_DIR ?? '.next') {
  const dist = path.join(root, distDir);
  const standalone = path.join(dist, 'standalone');
  const server = path.join(standalone, 'server.js');
  if (!fs.existsSync(server)) throw new Error(`no production build in ${distDir}/standalone: run \`npm run build\` first`);
  fs.rmSync(path.join(standalone, distDir, 'static'), { recursive: true, force: true });
  fs.cpSync(path.join(dist, 'static'), path.join(standalone, distDir, 'static'), { recursive: true });
  fs.rmSync(path.join(standalone, 'public'), { recursive: true, force: true });
  fs.cpSync(path.join(root, 'public'), path.join(standalone, 'public'), { recursive: true });
  return server;
}
