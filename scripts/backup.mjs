// `npm run backup [-- <folder>]`: a consistent copy of the database's rows and the attachments' bytes (the folder
// or the S3 bucket the app uses) into a new folder (default backups/<date-time>). See scripts/lib/backup.mjs.
import path from 'node:path';
import { backup } from './lib/backup.mjs';
import { DEV_DB_NAME, DEV_DB_PORT, loadDotEnv, root } from './lib/project.mjs';

loadDotEnv();
const url = process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${DEV_DB_PORT}/${DEV_DB_NAME}`;
const out = path.resolve(process.argv[2] ?? path.join(root, 'backups', new Date().toISOString().replace(/[:.]/g, '-')));
try {
  const m = await backup({ url, out, log: (line) => console.log(`[backup] ${line}`) });
  console.log(`[backup] ${Object.values(m.tables).reduce((a, b) => a + b, 0)} rows, ${m.files.length} files → ${out}`);
} catch (e) {
  console.error(`[backup] ${e.message}`);
  process.exit(1);
}
