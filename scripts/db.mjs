// `npm run db`: run the embedded development PostgreSQL alone in the foreground (for psql, Prisma CLI, etc.).
import path from 'node:path';
import { startEmbeddedPostgres } from './lib/embedded-pg.mjs';
import { DEV_DB_NAME, DEV_DB_PORT, root } from './lib/project.mjs';

const db = await startEmbeddedPostgres({ dir: path.join(root, '.pgdata'), port: DEV_DB_PORT, databases: [DEV_DB_NAME] });
console.log(`[db] ready: ${db.url(DEV_DB_NAME)} (Ctrl-C to stop)`);
const stop = async () => {
  await db.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
