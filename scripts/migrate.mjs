// In-process migrations on Prisma's WebAssembly schema engine (what `npm run dev` and the tests use).
//   node scripts/migrate.mjs deploy | dev [--name x] | diff | reset     (DATABASE_URL or the dev default)
import { migrate } from './lib/migrate-wasm.mjs';
import { DEV_DB_NAME, DEV_DB_PORT, root } from './lib/project.mjs';

const [cmd = 'deploy', ...rest] = process.argv.slice(2);
const name = rest.includes('--name') ? rest[rest.indexOf('--name') + 1] : 'migration';
const url = process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${DEV_DB_PORT}/${DEV_DB_NAME}`;
try {
  await migrate(cmd, { url, name, root });
  process.exit(0);
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
