// One throwaway PostgreSQL per run (embedded, on a free port), migrated through the WASM schema engine: the
// same path `npm run dev` uses. TEST_DATABASE_URL points the suite at an existing empty database instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain .mjs helper without types
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-pg.mjs';
// @ts-expect-error plain .mjs helper without types
import { migrate } from '../../scripts/lib/migrate-wasm.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    // A data folder per run, so that two runs on one machine never share a server.
    const dir = path.resolve(`.pgdata-test-${process.pid}`);
    const db = await startEmbeddedPostgres({ dir, fresh: true, databases: ['khcn_test'] });
    url = db.url('khcn_test') as string;
    stop = async () => {
      await db.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  await migrate('deploy', { url, root: path.resolve('.'), log: (m: string) => console.log(`[integration] ${m}`) });
  project.provide('databaseUrl', url);
  project.provide('adminDatabaseUrl', url.replace(/\/[^/]+$/, '/postgres'));
  const storage = (process.env.STORAGE_DIR ??= path.join(os.tmpdir(), `khcn-test-storage-${process.pid}`));
  return async () => {
    await stop?.();
    if (storage.includes('khcn-test-storage-')) fs.rmSync(storage, { recursive: true, force: true });
  };
}
