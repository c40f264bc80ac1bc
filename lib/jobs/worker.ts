import 'server-only';
import type PgBoss from 'pg-boss';
import pg from 'pg';
import { scanDeadlines } from '@/lib/notifications/reminders';
import { MAIL_CHANNEL } from '@/lib/notifications/outbox';
import { deliverMail, MAIL_LEASE_MS } from '@/lib/mail/delivery';
import { closeTransports } from '@/lib/mail/transport';
import { DEFAULT_DATABASE_URL } from '@/lib/server/prisma-client';
import {
  createQueueClient,
  DEADLINE_SCAN_CRON,
  ensureQueues,
  MAIL_SWEEP_CRON,
  QUEUE_TIMING,
  QUEUES,
  VIETNAM_TZ,
  type QueueTiming,
} from './queue';
import { sweepOutbox } from './mail-outbox';
import { runJob } from './run-job';

// The worker: what each queue's job does. Started by `npm run worker` (scripts/worker.ts), by `npm run dev` beside
// Next, and by the end-to-end server. Any number may run on one database: pg-boss gives each job to one of them.

export type WorkerLog = (level: 'info' | 'error', message: string, fields?: Record<string, unknown>) => void;

/** Mails taken per fetch by one worker. */
const MAIL_BATCH = 20;

export type Worker = { boss: PgBoss; sweepMail: () => Promise<number>; stop: () => Promise<void> };

/** How fast a delivery killed with its worker comes back (lib/jobs/queue.ts): production's unless a test shortens it. */
export type WorkerTiming = QueueTiming & { mailLeaseMs: number };

export async function startWorker(opts: {
  url?: string;
  log: WorkerLog;
  now?: () => Date;
  schema?: string;
  timing?: Partial<WorkerTiming>;
}): Promise<Worker> {
  const now = opts.now ?? (() => new Date());
  const url = opts.url ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const timing: WorkerTiming = { ...QUEUE_TIMING, mailLeaseMs: MAIL_LEASE_MS, ...opts.timing };
  const boss = createQueueClient({ url, worker: true, schema: opts.schema, maintenanceSeconds: timing.maintenanceSeconds });
  boss.on('error', (e) => opts.log('error', 'job queue error', { error: e.message }));
  await boss.start();
  await ensureQueues(boss, timing);
  await boss.schedule(QUEUES.deadlineScan, DEADLINE_SCAN_CRON, {}, { tz: VIETNAM_TZ });
  await boss.work(QUEUES.deadlineScan, async ([job]) =>
    runJob(opts.log, job, async (log) => {
      const result = await scanDeadlines(now());
      log('info', 'deadline scan done', result);
      return result;
    }),
  );

  // E-mail: the outbox's new mails get their delivery jobs as soon as their transaction commits (NOTIFY), and at the
  // latest at the next minute's sweep (a worker that was down, a notification missed while reconnecting).
  const pool = new pg.Pool({ connectionString: url, max: 2, application_name: 'khcn-worker-mail' });
  pool.on('error', (e) => opts.log('error', 'mail outbox connection error', { error: e.message }));
  let sweeping: Promise<number> | null = null;
  let again = false;
  const sweepMail = async (): Promise<number> => {
    if (sweeping) {
      again = true;
      return sweeping;
    }
    sweeping = (async () => {
      let total = 0;
      do {
        again = false;
        total += await sweepOutbox(boss, pool);
      } while (again);
      return total;
    })().finally(() => (sweeping = null));
    return sweeping;
  };
  const sweepLogged = () => sweepMail().catch((e: Error) => opts.log('error', 'mail sweep failed', { error: e.message }));

  // Mails are taken twenty at a time, every second at most (pg-boss fetches once per polling interval), each delivered and failed on its own:
  // a failed one is retried with its backoff, the others complete.
  await boss.work(QUEUES.mail, { includeMetadata: true, batchSize: MAIL_BATCH, pollingIntervalSeconds: 1 }, async (jobs) => {
    await Promise.all(
      jobs.map(async (job) => {
        const { id } = job.data as { id: string };
        try {
          const outcome = await deliverMail(id, { lastAttempt: job.retryCount >= job.retryLimit, leaseMs: timing.mailLeaseMs });
          opts.log('info', 'mail delivered', { job: job.id, mail: id, outcome });
        } catch (e) {
          // The mail's id and the error only: never its address, text or the server's credentials.
          const message = (e as Error).message;
          opts.log('error', 'mail delivery failed', { job: job.id, mail: id, retry: job.retryCount, error: message });
          await boss.fail(QUEUES.mail, job.id, { message });
        }
      }),
    );
  });
  await boss.schedule(QUEUES.mailSweep, MAIL_SWEEP_CRON, {});
  await boss.work(QUEUES.mailSweep, async () => ({ queued: await sweepMail() }));

  let listener: pg.Client | null = null;
  let stopped = false;
  let reconnect: ReturnType<typeof setTimeout> | null = null;
  const listen = async () => {
    const client = new pg.Client({ connectionString: url, application_name: 'khcn-worker-listen' });
    client.on('notification', () => void sweepLogged());
    client.on('error', (e) => {
      opts.log('error', 'mail listener lost', { error: e.message });
      client.end().catch(() => {});
      if (listener === client) listener = null;
      if (!stopped) reconnect = setTimeout(() => void listen().catch(() => {}), 5_000);
    });
    await client.connect();
    await client.query(`LISTEN ${MAIL_CHANNEL}`);
    listener = client;
    // Anything written while nobody listened.
    await sweepLogged();
  };
  await listen();

  // A worker that starts catches up at once (a new install, a server that was down at midnight): the scan is
  // idempotent, and the singleton key keeps several workers starting together from queueing it several times.
  await boss.send(QUEUES.deadlineScan, {}, { singletonKey: 'on-start', singletonSeconds: 60 });
  return {
    boss,
    sweepMail,
    stop: async () => {
      stopped = true;
      if (reconnect) clearTimeout(reconnect);
      await listener?.end().catch(() => {});
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
      await sweeping?.catch(() => {});
      await pool.end();
      closeTransports();
    },
  };
}
