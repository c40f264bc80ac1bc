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

/** Reads .env (if present) into process.env without overriding what the environment already sets. */
export function loadDotEnv() {
  const file = path.join(root, '.env');
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
