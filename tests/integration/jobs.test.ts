// The job queue (pg-boss on the app's own PostgreSQL) and the daily deadline scan it runs: two workers on one
// database take each job once, a worker that starts runs the scan once for both, and the scan writes each
// reminder once. Real database, real workers; no page read writes a reminder any more.
import { afterAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/server/db';
import { QUEUES } from '@/lib/jobs/queue';
import { startWorker, type Worker } from '@/lib/jobs/worker';
import { actorWith } from '../support/fixtures';

// The queue's tables of this test alone: the other files' workers (mail, e-mail journeys) leave jobs in "pgboss".
const SCHEMA = 'pgboss_jobs_test';
const workers: Worker[] = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await prisma.$executeRaw`DROP SCHEMA IF EXISTS ${Prisma.raw(SCHEMA)} CASCADE`;
});

const jobs = (state: string) =>
  prisma.$queryRaw<
    { n: number }[]
  >`SELECT count(*)::int AS n FROM ${Prisma.raw(SCHEMA)}.job WHERE name = ${QUEUES.deadlineScan} AND state = ${state}::${Prisma.raw(SCHEMA)}.job_state`.then(
    (r) => r[0].n,
  );

async function until(check: () => Promise<boolean>, seconds = 45) {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('timed out waiting for the workers');
}

describe('two workers on one database', () => {
  it('run the start-up scan once between them and each queued job exactly once, and the scan writes reminders', async () => {
    // A running task whose first progress report was due weeks ago: the scan owes its organization a reminder.
    const owner = await actorWith('ORGANIZATION');
    const task = await prisma.task.create({
      data: {
        title: 'Nhiệm vụ có báo cáo quá hạn',
        year: 2026,
        status: 'RUNNING',
        hostOrganizationId: owner.organizationId!,
        createdById: owner.id,
        startDate: new Date('2026-01-01T00:00:00Z'),
        endDate: new Date('2027-12-31T00:00:00Z'),
        contractNo: 'HĐ-JOBS-01',
      },
    });
    const handled: string[] = [];
    const log = () => {};
    // Each job asks the worker's clock once: counting the calls counts the jobs run.
    const clock = (name: string) => () => (handled.push(name), new Date());
    workers.push(await startWorker({ log, now: clock('a'), schema: SCHEMA }), await startWorker({ log, now: clock('b'), schema: SCHEMA }));

    await until(async () => (await jobs('completed')) >= 1);
    const notices = await prisma.notification.findMany({ where: { userId: owner.id, taskId: task.id }, select: { kind: true } });
    expect(notices.map((n) => n.kind)).toContain('reportOverdue');

    const sent = await Promise.all(Array.from({ length: 10 }, () => workers[0].boss.send(QUEUES.deadlineScan, {})));
    expect(sent.every((id) => typeof id === 'string')).toBe(true);
    await until(async () => (await jobs('created')) + (await jobs('active')) === 0 && (await jobs('completed')) >= 11);
    const completed = await jobs('completed');
    // Every completed job ran once: no job twice, none lost (the start-up job: one, or two if the workers' sends
    // fell into two of the singleton's minute slots).
    expect(handled).toHaveLength(completed);
    expect([11, 12]).toContain(completed);
    expect(await jobs('failed')).toBe(0);
    // Both workers took jobs (a queue that only one of them served would not show that they share it).
    expect(new Set(handled).size).toBe(2);
    // Eleven scans of the same day: still one reminder per obligation and user.
    const again = await prisma.notification.findMany({ where: { userId: owner.id, taskId: task.id }, select: { kind: true } });
    expect(again).toHaveLength(notices.length);
  }, 90_000);
});
