// Dossiers from before listed tasks: the migration 20261130150000_dossiers_into_listed_tasks gives each task without
// a listed task one of its own (assigned directly to its host organization). The demo seed runs the same file after
// creating its dossiers, and the tests run it on rows made the old way; this reads and runs it, statement by
// statement (the driver takes one statement per call). No 'server-only' marker: the seed runs outside Next.
import fs from 'node:fs';
import path from 'node:path';

export const LEGACY_DOSSIERS_MIGRATION = path.join(
  import.meta.dirname,
  '..',
  '..',
  'prisma',
  'migrations',
  '20261130150000_dossiers_into_listed_tasks',
  'migration.sql',
);

type Raw = { $executeRawUnsafe: (sql: string) => Promise<number> };

/** Runs the migration's statements in one transaction (as the migration itself does): all of them or none. */
export async function linkLegacyDossiers(db: { $transaction: <R>(fn: (tx: Raw) => Promise<R>) => Promise<R> }) {
  const sql = fs.readFileSync(LEGACY_DOSSIERS_MIGRATION, 'utf8').replace(/^--.*$/gm, '');
  const statements = sql
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  await db.$transaction(async (tx) => {
    // eslint-disable-next-line no-restricted-syntax -- statements of a migration file of this repository; no values in them
    for (const statement of statements) await tx.$executeRawUnsafe(statement);
  });
}
