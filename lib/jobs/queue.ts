import 'server-only';
import PgBoss from 'pg-boss';
import { DEFAULT_DATABASE_URL } from '@/lib/server/prisma-client';

// Background work on the app's own PostgreSQL (pg-boss: jobs in the "pgboss" schema, taken with SKIP LOCKED, so
// any number of workers share them and each job runs once). The queues the app uses, and how to reach them.

export const QUEUES = {
  /** Once a day (and when a worker starts): the deadline reminders of every task (lib/notifications/reminders.ts). */
  deadlineScan: 'deadline-scan',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** The daily scan: five past midnight in Vietnam, so a day's "due" and "overdue" are those of the new day. */
export const DEADLINE_SCAN_CRON = '5 0 * * *';
export const VIETNAM_TZ = 'Asia/Ho_Chi_Minh';

/** A pg-boss client on the app's database. `worker`: it also keeps the schedules and maintains the queues. */
export function createQueueClient(opts: { url?: string; worker: boolean; applicationName?: string }) {
  return new PgBoss({
    connectionString: opts.url ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    schema: 'pgboss',
    max: Number(process.env.JOBS_POOL_SIZE ?? 4),
    application_name: opts.applicationName ?? (opts.worker ? 'khcn-worker' : 'khcn-app'),
    // Only workers keep the cron schedule and the maintenance: an app instance just sends.
    schedule: opts.worker,
    supervise: opts.worker,
  });
}

/** The queues with their retry policy: created if missing (idempotent; every worker does it on start). */
export async function ensureQueues(boss: PgBoss) {
  await boss.createQueue(QUEUES.deadlineScan, {
    name: QUEUES.deadlineScan,
    retryLimit: 5,
    retryDelay: 300,
    retryBackoff: true,
    expireInSeconds: 900,
  });
}
