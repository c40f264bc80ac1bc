// `npm start`: serve the production build (`npm run build`: Next's standalone server) against DATABASE_URL. Migrations are a separate,
// deliberate step in production (`npm run db:migrate`); this never changes the schema.
import { spawn } from 'node:child_process';
import { clusterEntry, loadDotEnv, root, standaloneServer } from './lib/project.mjs';

loadDotEnv();
if (!process.env.DATABASE_URL) {
  console.error('[start] DATABASE_URL is not set. For a local trial run `npm run dev` instead.');
  process.exit(1);
}
if (!process.env.AUTH_SECRET) {
  console.error('[start] AUTH_SECRET is not set (generate one: openssl rand -base64 32).');
  process.exit(1);
}
// The standalone server the Dockerfile runs (PORT, HOSTNAME from the environment; 3000 on all addresses by default),
// one process per core (WEB_CONCURRENCY to choose how many; scripts/cluster.cjs).
const child = spawn(process.execPath, [clusterEntry, standaloneServer()], {
  stdio: 'inherit',
  cwd: root,
  env: { NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...process.env },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
