import 'server-only';
import PgBoss from 'pg-boss';
import { DEFAULT_DATABASE_URL } from '@/lib/server/prisma-client';

// Background work on the app's own PostgreSQL (pg-boss: jobs in the "pgboss" schema, taken with SKIP LOCKED, so
// any number of workers share them and each job runs once). The queues the app uses, and how to reach them.

export const QUEUES = {
  /** Once a day (and when a worker starts): the deadline reminders of every task (lib/notifications/reminders.ts). */
  deadlineScan: 'deadline-scan',
  /** One job per outbox mail: deliver it (lib/mail/delivery.ts), retried with backoff. */
  mail: 'mail',
  /** Every minute: queue a delivery job for each outbox mail that has none (lib/jobs/mail-outbox.ts). */
  mailSweep: 'mail-sweep',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** The daily scan: five past midnight in Vietnam, so a day's "due" and "overdue" are those of the new day. */
export const DEADLINE_SCAN_CRON = '5 0 * * *';
export const VIETNAM_TZ = 'Asia/Ho_Chi_Minh';
export const MAIL_SWEEP_CRON = '* * * * *';

/** A mail's delivery: 1 try and 8 retries, 20 s doubling (about 1.5 to 3 hours in all), then FAILED. */
export const MAIL_RETRY = { retryLimit: 8, retryDelay: 20, retryBackoff: true } as const;

/**
 * How a delivery whose worker died (killed mid-send) comes back: its job, still "active", expires `mailExpireSeconds`
 * after it started; a worker's maintenance (every `maintenanceSeconds`) then puts it back for a retry, `mailRetryDelaySeconds`
 * later (doubling); the retry finds the mail free, its lease (lib/mail/delivery.ts, shorter than the expiry) over.
 * These are production's values. A test that kills a worker passes shorter ones to startWorker rather than wait minutes;
 * they apply to queues created with them (an existing queue keeps its policy).
 */
export type QueueTiming = { mailExpireSeconds: number; mailRetryDelaySeconds: number; maintenanceSeconds: number };
export const QUEUE_TIMING: QueueTiming = { mailExpireSeconds: 300, mailRetryDelaySeconds: MAIL_RETRY.retryDelay, maintenanceSeconds: 120 };

/** A pg-boss client on the app's database. `worker`: it also keeps the schedules and maintains the queues. */
/** `schema`: the queue's tables (default "pgboss"; a test keeps its jobs apart in another). */
export function createQueueClient(opts: {
  url?: string;
  worker: boolean;
  applicationName?: string;
  schema?: string;
  maintenanceSeconds?: number;
}) {
  return new PgBoss({
    connectionString: opts.url ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    schema: opts.schema ?? 'pgboss',
    max: Number(process.env.JOBS_POOL_SIZE ?? 4),
    application_name: opts.applicationName ?? (opts.worker ? 'khcn-worker' : 'khcn-app'),
    // Only workers keep the cron schedule and the maintenance: an app instance just sends.
    schedule: opts.worker,
    supervise: opts.worker,
    maintenanceIntervalSeconds: opts.maintenanceSeconds ?? QUEUE_TIMING.maintenanceSeconds,
  });
}

/** The queues with their retry policy: created if missing (idempotent; every worker does it on start). */
export async function ensureQueues(boss: PgBoss, timing: QueueTiming = QUEUE_TIMING) {
  await boss.createQueue(QUEUES.deadlineScan, {
    name: QUEUES.deadlineScan,
    retryLimit: 5,
    retryDelay: 300,
    retryBackoff: true,
    expireInSeconds: 900,
  });
  // A delivery job that outlives its worker (killed mid-send) expires and is retried after the mail's lease ends.
  await boss.createQueue(QUEUES.mail, {
    name: QUEUES.mail,
    ...MAIL_RETRY,
    retryDelay: timing.mailRetryDelaySeconds,
    expireInSeconds: timing.mailExpireSeconds,
  });
  await boss.createQueue(QUEUES.mailSweep, { name: QUEUES.mailSweep, retryLimit: 0, expireInSeconds: 120 });
}
