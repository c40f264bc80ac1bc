// Killing the worker in the middle of a batch loses no e-mail (issue 11): a batch of ten outbox mails, written by the
// real service (notify() in a transaction), is being delivered by a real worker in a process of its own
// (tests/support/worker-child.ts: startWorker with this run's database, an SMTP server started here, a pg-boss schema
// of this file's own) when the worker is killed with SIGKILL; a new worker then sends every mail the first did not
// mark as sent. A mail the server took just before the kill is sent again: at least once, and its copies carry one
// Message-ID (the outbox row's id), the key a mail client dedupes by. Every row ends SENT, none is sent twice once
// marked. Two kills: at the crash point between the send and the SENT mark (lib/mail/delivery.ts), and while the
// server is taking the fourth mail, before it answers. No mocks: real PostgreSQL, real SMTP (smtp-server + mailparser).
//
// The recovery path is production's (the killed delivery's job expires, the queue's maintenance retries it, the retry
// finds the mail's lease over), with its durations shortened for the test (startWorker's `timing`, lib/jobs/queue.ts):
// production waits about five to seven minutes.
import type net from 'node:net';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { Prisma } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/server/db';
import { notify } from '@/lib/notifications/service';
import { QUEUE_TIMING, QUEUES } from '@/lib/jobs/queue';
import { MAIL_LEASE_MS } from '@/lib/mail/delivery';
import type { WorkerTiming } from '@/lib/jobs/worker';
import { makeUser } from '../support/fixtures';

const root = path.resolve(import.meta.dirname, '../..');
const SCHEMA = 'pgboss_mail_durability_test';
/** Production's order, in seconds rather than minutes: the lease ends before the job expires. */
const TIMING: WorkerTiming = { mailLeaseMs: 2_000, mailExpireSeconds: 4, mailRetryDelaySeconds: 1, maintenanceSeconds: 1 };
const BATCH = 10;

// ---- a real SMTP server in this process --------------------------------------------------------------------------

type Received = { id: string; messageId: string | undefined; subject: string | undefined; text: string | undefined };
/** The mails of the current batch the server took in full, in order. */
let inbox: Received[] = [];
let batch = { ids: new Set<string>(), to: new Set<string>() };
/**
 * While set, the server lets only `admit` mails of the batch through (the others wait for an answer to their recipient
 * that never comes), and calls `onLast` once it took the last of them in full, before it answers the worker.
 */
let gate: { admit: number; admitted: number; onLast: () => void } | null = null;

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (gate && batch.to.has(address.address)) {
      if (gate.admitted === gate.admit) return;
      gate.admitted++;
    }
    callback();
  },
  onData(stream, _session, callback) {
    // A message cut off by the kill never resolves here (the stream ends in an error): only whole ones count.
    simpleParser(stream)
      .then((mail) => {
        const id = String(mail.headers.get('x-khcn-mail-id') ?? '');
        if (batch.ids.has(id)) {
          inbox.push({ id, messageId: mail.messageId, subject: mail.subject, text: mail.text });
          if (gate && inbox.length === gate.admit) return gate.onLast();
        }
        callback();
      })
      .catch(callback);
  },
});
// The worker killed mid-conversation resets its connections: expected here, not a failure of the test process.
smtp.on('error', () => {});
let smtpUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as net.AddressInfo).port}`;
  // Mails left queued by the files before this one (no worker ran for them): out of the batches' way.
  await prisma.mailMessage.updateMany({
    where: { status: 'QUEUED' },
    data: { status: 'FAILED', lastError: 'left by an earlier test file' },
  });
});

const children = new Set<ChildProcess>();
afterEach(() => {
  // A test that failed half-way leaves no worker behind.
  for (const child of children) child.kill('SIGKILL');
  gate = null;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await prisma.$executeRaw`DROP SCHEMA IF EXISTS ${Prisma.raw(SCHEMA)} CASCADE`;
});

// ---- the worker in a process of its own --------------------------------------------------------------------------

type WorkerProcess = { proc: ChildProcess; output: () => string; line: (re: RegExp) => Promise<void>; exited: Promise<string> };

/** Starts the real worker in a child process; with `pauseAt`, it stops at that crash point (lib/server/crash-point.ts). */
function startWorkerProcess(pauseAt: string | null): WorkerProcess {
  // tsx as a loader (not its CLI, which would run the script in a grandchild): the process killed is the worker.
  const args = [
    '--import',
    'tsx',
    '--conditions=react-server',
    'tests/support/worker-child.ts',
    JSON.stringify({ schema: SCHEMA, timing: TIMING }),
  ];
  const proc = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', SMTP_URL: smtpUrl, KHCN_TEST_PAUSE_AT: pauseAt ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(proc);
  let out = '';
  let err = '';
  const waiters: { re: RegExp; resolve: () => void }[] = [];
  proc.stdout!.on('data', (d) => {
    out += d;
    for (const w of waiters.filter((w) => w.re.test(out))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  proc.stderr!.on('data', (d) => (err += d));
  const output = () => `${out}${err}`;
  const exited = new Promise<string>((resolve) =>
    proc.on('close', (code, signal) => {
      children.delete(proc);
      resolve(signal ?? String(code));
    }),
  );
  const line = (re: RegExp) =>
    new Promise<void>((resolve, reject) => {
      if (re.test(out)) return resolve();
      waiters.push({ re, resolve });
      void exited.then((how) => reject(new Error(`the worker ended (${how}) before printing ${re}:\n${output()}`)));
    });
  return { proc, output, line, exited };
}

async function until(check: () => Promise<boolean>, what: string, seconds = 90) {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting: ${what}`);
}

/** Ten mails in one action's transaction (a council seat offered to ten evaluators), as the app writes them. */
async function queueBatch() {
  const users = await Promise.all(Array.from({ length: BATCH }, () => makeUser('EVALUATOR')));
  await prisma.$transaction((tx) =>
    notify(
      tx,
      users.map((u) => u.id),
      'identificationSeatAssigned',
      null,
      { title: 'Hội đồng xác định nhiệm vụ thử', seatId: 'x' },
    ),
  );
  const rows = await prisma.mailMessage.findMany({ where: { userId: { in: users.map((u) => u.id) } }, select: { id: true, status: true } });
  expect(rows).toHaveLength(BATCH);
  expect(rows.every((r) => r.status === 'QUEUED')).toBe(true);
  batch = { ids: new Set(rows.map((r) => r.id)), to: new Set(users.map((u) => u.email)) };
  return rows.map((r) => r.id);
}

const statuses = async (ids: string[]) =>
  new Map(
    (await prisma.mailMessage.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } })).map((r) => [r.id, r.status]),
  );
const copiesOf = (id: string) => inbox.filter((m) => m.id === id);

describe('a worker killed in the middle of a batch', () => {
  beforeAll(() => {
    // The shortened timings keep production's order; and production's own do too.
    expect(TIMING.mailLeaseMs).toBeLessThan(TIMING.mailExpireSeconds * 1000);
    expect(MAIL_LEASE_MS).toBeLessThan(QUEUE_TIMING.mailExpireSeconds * 1000);
  });

  it.each([
    { kill: 'at the crash point after the SMTP server took a mail, before its row is marked sent', pauseAt: 'mail:sent', atReceived: 0 },
    { kill: 'when the SMTP server took the fourth mail, before it answers', pauseAt: null, atReceived: 4 },
  ])(
    'loses no mail when killed $kill: a new worker sends the rest, at least once each, copies under one Message-ID',
    { timeout: 180_000 },
    async ({ pauseAt, atReceived }) => {
      const ids = await queueBatch();
      inbox = [];

      // ---- the first worker, killed mid-batch
      const first = startWorkerProcess(pauseAt);
      if (pauseAt) {
        await first.line(new RegExp(`^paused ${pauseAt}$`, 'm'));
        first.proc.kill('SIGKILL');
      } else {
        // The server lets four of the ten through; it takes the fourth in full and, before answering, the worker is
        // killed: it never learns that mail was taken.
        gate = { admit: atReceived, admitted: 0, onLast: () => first.proc.kill('SIGKILL') };
      }
      expect(await first.exited, first.output()).toBe('SIGKILL');
      gate = null;
      const beforeRestart = await statuses(ids);
      const takenBeforeRestart = new Set(inbox.map((m) => m.id));
      // In the middle of the batch: the server took some of it, and not all of it is marked sent.
      expect(takenBeforeRestart.size).toBeGreaterThan(0);
      expect([...beforeRestart.values()].filter((s) => s === 'SENT').length).toBeLessThan(BATCH);
      if (pauseAt) {
        // Every delivery stopped at the crash point: the server has mails whose rows still say QUEUED.
        expect([...beforeRestart.values()].every((s) => s === 'QUEUED')).toBe(true);
      } else {
        expect(inbox).toHaveLength(atReceived);
      }

      // ---- a new worker, left alone
      const second = startWorkerProcess(null);
      await second.line(/^started$/m);
      await until(async () => [...(await statuses(ids)).values()].every((s) => s === 'SENT'), 'every mail of the batch marked sent');
      second.proc.kill('SIGTERM');
      expect(await second.exited, second.output()).toBe('0');

      // Every mail arrived, at least once; its copies are one message under one key.
      for (const id of ids) {
        const copies = copiesOf(id);
        expect(copies.length, `copies of ${id}`).toBeGreaterThanOrEqual(1);
        expect(copies.length, `copies of ${id}`).toBeLessThanOrEqual(2);
        for (const copy of copies) expect(copy).toEqual({ ...copies[0], messageId: `<${id}@khcn-tasks>` });
      }
      // A mail the server took but the dead worker had not marked sent is sent again (the nasty case, deduplicated by
      // its Message-ID); one marked sent before the kill is not.
      for (const id of ids) {
        if (beforeRestart.get(id) === 'SENT') expect(copiesOf(id), `mail ${id}, marked sent before the kill`).toHaveLength(1);
        else if (takenBeforeRestart.has(id)) expect(copiesOf(id), `mail ${id}, taken but not marked before the kill`).toHaveLength(2);
      }
      expect([...takenBeforeRestart].some((id) => beforeRestart.get(id) !== 'SENT')).toBe(true);

      const rows = await prisma.mailMessage.findMany({
        where: { id: { in: ids } },
        select: { status: true, transport: true, lockedUntil: true },
      });
      expect(rows.every((r) => r.status === 'SENT' && r.transport === 'smtp' && r.lockedUntil === null)).toBe(true);
      // Each mail kept its one delivery job, which ended completed: the killed ones came back through its retry.
      const jobs = await prisma.$queryRaw<{ id: string; state: string }[]>`
      SELECT data->>'id' AS id, state::text FROM ${Prisma.raw(SCHEMA)}.job WHERE name = ${QUEUES.mail} AND data->>'id' IN (${Prisma.join(ids)})`;
      expect(jobs.map((j) => j.id).sort()).toEqual([...ids].sort());
      expect(jobs.every((j) => j.state === 'completed')).toBe(true);
    },
  );
});
