// `npm run restore -- <backup folder>`: loads a backup (scripts/backup.mjs) into an empty database and an empty
// store. With DATABASE_URL unset, the embedded development database (migrated first); otherwise run
// `npm run db:migrate` on the new, empty database before. See scripts/lib/backup.mjs.
import path from 'node:path';
import { restore } from './lib/backup.mjs';
import { migrate } from './lib/migrate-wasm.mjs';
import { DEV_DB_NAME, DEV_DB_PORT, loadDotEnv, root } from './lib/project.mjs';

loadDotEnv();
const from = process.argv[2];
if (!from) {
  console.error('[restore] usage: npm run restore -- <backup folder>');
  process.exit(1);
}
const url = process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${DEV_DB_PORT}/${DEV_DB_NAME}`;
try {
  if (!process.env.DATABASE_URL) await migrate('deploy', { url, root, log: (m) => console.log(`[restore] ${m}`) });
  const m = await restore({ url, from: path.resolve(from), log: (line) => console.log(`[restore] ${line}`) });
  console.log(`[restore] ${Object.values(m.tables).reduce((a, b) => a + b, 0)} rows, ${m.files.length} files restored`);
} catch (e) {
  console.error(`[restore] ${e.message}`);
  process.exit(1);
}
