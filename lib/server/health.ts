import 'server-only';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { prisma, type Db } from '@/lib/server/db';

// GET /api/health: the parts an instance needs, each "ok" or "down". Nothing else goes into the answer (no
// versions, paths, hosts or error texts).

/** Rejects after `ms`: a part that hangs is down, and the check answers in time for a load balancer. */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** True when the database answers a trivial query within two seconds. */
export async function checkDatabase(db: Db = prisma, timeoutMs = 2000): Promise<boolean> {
  try {
    await within(timeoutMs, db.$queryRaw`SELECT 1`);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when the job queue's tables (pg-boss, schema "pgboss" in the app's database) are there in a database that
 * answers. A worker creates them when it first starts (`npm run worker`, or `npm run dev`), so "down" also means
 * no worker ever ran here.
 */
export async function checkJobs(db: Db = prisma, { schema = 'pgboss', timeoutMs = 2000 }: { schema?: string; timeoutMs?: number } = {}) {
  try {
    const [row] = await within(
      timeoutMs,
      db.$queryRaw<{ table: string | null }[]>`SELECT to_regclass(${`${schema}.version`}::text)::text AS "table"`,
    );
    return row?.table != null;
  } catch {
    return false;
  }
}

/**
 * True when the attachments folder (STORAGE_DIR) takes a file: it is created if missing, as the first upload
 * would, and a small probe file is written, read back and removed.
 */
export async function checkStorage(dir: string, timeoutMs = 2000): Promise<boolean> {
  const probe = path.join(/*turbopackIgnore: true*/ dir, `.health-${randomUUID()}`);
  try {
    await within(
      timeoutMs,
      (async () => {
        await fs.mkdir(/*turbopackIgnore: true*/ dir, { recursive: true });
        await fs.writeFile(/*turbopackIgnore: true*/ probe, 'ok', { flag: 'wx' });
        if ((await fs.readFile(/*turbopackIgnore: true*/ probe, 'utf8')) !== 'ok') throw new Error('probe read back differs');
      })(),
    );
    return true;
  } catch {
    return false;
  } finally {
    await fs.rm(/*turbopackIgnore: true*/ probe, { force: true }).catch(() => {});
  }
}

export type Health = { status: 'ok' | 'degraded'; db: 'ok' | 'down'; storage: 'ok' | 'down'; jobs: 'ok' | 'down' };

/** Every part at once (in parallel); the status is "ok" only when all are. `storageDir`: the attachments folder. */
export async function checkHealth(opts: {
  storageDir: string;
  /** The store's own probe when attachments are not in the folder (an S3 bucket): resolves when it works. */
  storageProbe?: () => Promise<void>;
  db?: Db;
  jobsSchema?: string;
  timeoutMs?: number;
}): Promise<Health> {
  const db = opts.db ?? prisma;
  const timeoutMs = opts.timeoutMs ?? 2000;
  const [dbOk, storageOk, jobsOk] = await Promise.all([
    checkDatabase(db, timeoutMs),
    opts.storageProbe
      ? within(timeoutMs, opts.storageProbe()).then(
          () => true,
          () => false,
        )
      : checkStorage(opts.storageDir, timeoutMs),
    checkJobs(db, { schema: opts.jobsSchema, timeoutMs }),
  ]);
  const part = (ok: boolean) => (ok ? ('ok' as const) : ('down' as const));
  return {
    status: dbOk && storageOk && jobsOk ? 'ok' : 'degraded',
    db: part(dbOk),
    storage: part(storageOk),
    jobs: part(jobsOk),
  };
}
