import 'server-only';
import type PgBoss from 'pg-boss';
import { scanDeadlines } from '@/lib/notifications/reminders';
import { createQueueClient, DEADLINE_SCAN_CRON, ensureQueues, QUEUES, VIETNAM_TZ } from './queue';
import { runJob } from './run-job';

// The worker: what each queue's job does. Started by `npm run worker` (scripts/worker.ts), by `npm run dev` beside
// Next, and by the end-to-end server. Any number may run on one database: pg-boss gives each job to one of them.

export type WorkerLog = (level: 'info' | 'error', message: string, fields?: Record<string, unknown>) => void;

export type Worker = { boss: PgBoss; stop: () => Promise<void> };

export async function startWorker(opts: { url?: string; log: WorkerLog; now?: () => Date }): Promise<Worker> {
  const now = opts.now ?? (() => new Date());
  const boss = createQueueClient({ url: opts.url, worker: true });
  boss.on('error', (e) => opts.log('error', 'job queue error', { error: e.message }));
  await boss.start();
  await ensureQueues(boss);
  await boss.schedule(QUEUES.deadlineScan, DEADLINE_SCAN_CRON, {}, { tz: VIETNAM_TZ });
  await boss.work(QUEUES.deadlineScan, async ([job]) =>
    runJob(opts.log, job, async (log) => {
      const result = await scanDeadlines(now());
      log('info', 'deadline scan done', result);
      return result;
    }),
  );
  // A worker that starts catches up at once (a new install, a server that was down at midnight): the scan is
  // idempotent, and the singleton key keeps several workers starting together from queueing it several times.
  await boss.send(QUEUES.deadlineScan, {}, { singletonKey: 'on-start', singletonSeconds: 60 });
  return { boss, stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }) };
}
