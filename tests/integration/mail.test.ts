// E-mail: the notices that matter outside the app are mailed, through a real SMTP server started here (smtp-server,
// each message parsed back with mailparser). The outbox is written in the action's transaction, delivered by the
// workers' "mail" queue, retried while the server refuses, and never sent twice with two workers. No mocks.
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { prisma } from '@/lib/server/db';
import { NotFoundError, ValidationError } from '@/lib/server/errors';
import { notify } from '@/lib/notifications/service';
import { scanDeadlines } from '@/lib/notifications/reminders';
import { deliverMail } from '@/lib/mail/delivery';
import { listDevMailbox } from '@/lib/mail/service';
import { closeTransports } from '@/lib/mail/transport';
import { QUEUES } from '@/lib/jobs/queue';
import { startWorker, type Worker } from '@/lib/jobs/worker';
import { returnTask } from '@/lib/tasks/service';
import { createUser, resetUserPassword, updateProfile } from '@/lib/users/service';
import { setOrganizationStatus } from '@/lib/organizations/service';
import { actorWith, makeOrganization, makeUser } from '../support/fixtures';
import { caught, Journey, makeCast, uniq, type Cast } from '../support/lifecycle';

// ---- a real SMTP server in this process -------------------------------------------------------------------------

type Received = ParsedMail & { rcpt: string[] };
const inbox: Received[] = [];
let refuse = false;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (refuse) return callback(Object.assign(new Error('mailbox temporarily unavailable'), { responseCode: 450 }));
    callback();
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        inbox.push(Object.assign(mail, { rcpt: session.envelope.rcptTo.map((r) => r.address) }));
        callback();
      })
      .catch(callback);
  },
});
let smtpUrl = '';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const workers: Worker[] = [];
const fileStart = new Date();
let cast: Cast;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as net.AddressInfo).port}`;
  vi.stubEnv('SMTP_URL', smtpUrl);
  vi.stubEnv('APP_URL', 'https://khcn.example.gov.vn');
  cast = await makeCast(3);
});

afterEach(() => {
  refuse = false;
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  closeTransports();
  vi.unstubAllEnvs();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function until(check: () => Promise<boolean> | boolean, seconds = 60) {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out');
}

const mailsTo = (email: string) => inbox.filter((m) => m.rcpt.includes(email));
const rowsOf = (userId: string, kind?: string) =>
  prisma.mailMessage.findMany({ where: { userId, ...(kind ? { kind } : {}) }, orderBy: { createdAt: 'asc' } });

// ---- the outbox, delivered by hand (no worker running yet) -------------------------------------------------------

describe('the outbox', () => {
  it('is written with the notice, only for the kinds the user receives, and not at all when the action rolls back', async () => {
    const optedOut = await makeUser('DEPARTMENT_STAFF');
    const english = await makeUser('DEPARTMENT_STAFF');
    await prisma.user.update({ where: { id: optedOut.id }, data: { mailOptOut: ['submissions'] } });
    await prisma.user.update({ where: { id: english.id }, data: { locale: 'en' } });
    const j = await Journey.start(cast);
    await j.submit();
    const title = (await prisma.task.findUniqueOrThrow({ where: { id: j.taskId } })).title;

    // The opted-out staff member still has the notice in the app, but no mail.
    expect(await prisma.notification.count({ where: { userId: optedOut.id, taskId: j.taskId, kind: 'proposalSubmitted' } })).toBe(1);
    expect(await rowsOf(optedOut.id)).toHaveLength(0);

    const [vi_] = await rowsOf(cast.staff.id, 'proposalSubmitted');
    expect(vi_).toMatchObject({ to: cast.staff.email, locale: 'vi', status: 'QUEUED', subject: `Hồ sơ đề xuất mới: ${title}` });
    expect(vi_.text).toContain(`Hồ sơ đề xuất mới được nộp: “${title}”.`);
    expect(vi_.text).toContain(`https://khcn.example.gov.vn/department/tasks/${j.taskId}`);
    const [en] = await rowsOf(english.id, 'proposalSubmitted');
    expect(en).toMatchObject({ locale: 'en', subject: `New proposal: ${title}` });

    // A rolled-back transaction leaves neither the notice nor its mail.
    const someone = await makeUser('ORGANIZATION', { organizationId: (await makeOrganization()).id });
    await expect(
      prisma.$transaction(async (tx) => {
        await notify(tx, [someone.id], 'taskApproved', null, { title: 'Không bao giờ gửi' });
        throw new Error('the action failed after its notice');
      }),
    ).rejects.toThrow('the action failed');
    expect(await prisma.notification.count({ where: { userId: someone.id } })).toBe(0);
    expect(await rowsOf(someone.id)).toHaveLength(0);

    // A notice that stays in the app (a withdrawal the department reads there) writes no mail.
    await prisma.$transaction((tx) => notify(tx, [cast.staff.id], 'taskWithdrawn', j.taskId, { title }));
    expect(await rowsOf(cast.staff.id, 'taskWithdrawn')).toHaveLength(0);
  });

  it('the profile turns a category off (and the account mails are sent anyway)', async () => {
    const org = await actorWith('ORGANIZATION');
    await updateProfile(org, { locale: 'en', mailCategories: ['returns', 'reminders'] });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: org.id }, select: { locale: true, mailOptOut: true } })).toEqual({
      locale: 'en',
      mailOptOut: ['decisions'],
    });
    await prisma.$transaction((tx) => notify(tx, [org.id], 'taskApproved', null, { title: 'Đã tắt' }));
    expect(await rowsOf(org.id, 'taskApproved')).toHaveLength(0);
    // An unknown category or language is refused; the account's category, never offered, cannot be turned off.
    expect(await caught(updateProfile(org, { locale: 'fr', mailCategories: [] }))).toBeInstanceOf(ValidationError);
    expect(await caught(updateProfile(org, { locale: 'vi', mailCategories: ['spam'] }))).toBeInstanceOf(ValidationError);
    await updateProfile(org, { locale: 'vi', mailCategories: [] });
    await resetUserPassword(cast.admin, { userId: org.id, password: 'MatKhau@Moi2026', confirmPassword: 'MatKhau@Moi2026' });
    const [reset] = await rowsOf(org.id, 'passwordReset');
    expect(reset).toMatchObject({ subject: 'Mật khẩu của bạn đã được đặt lại', locale: 'vi' });
    expect(reset.text).not.toContain('MatKhau@Moi2026');
  });

  it('a deadline reminder is mailed once, however often the scan runs', async () => {
    const owner = await actorWith('ORGANIZATION');
    const task = await prisma.task.create({
      data: {
        title: `Nhiệm vụ nhắc hạn ${uniq()}`,
        year: 2026,
        status: 'RUNNING',
        hostOrganizationId: owner.organizationId!,
        createdById: owner.id,
        startDate: new Date('2026-01-01T00:00:00Z'),
        endDate: new Date('2027-12-31T00:00:00Z'),
        contractNo: `HĐ-MAIL-${uniq()}`,
      },
    });
    const now = new Date('2026-09-01T03:00:00Z');
    await scanDeadlines(now, [task.id]);
    await Promise.all([scanDeadlines(now, [task.id]), scanDeadlines(now, [task.id])]);
    const notices = await prisma.notification.findMany({ where: { userId: owner.id, taskId: task.id } });
    const mails = await rowsOf(owner.id);
    expect(notices.length).toBeGreaterThan(0);
    expect(mails.map((m) => m.dedupeKey).sort()).toEqual(notices.map((n) => `mail:${n.dedupeKey}`).sort());
    expect(mails[0].subject).toMatch(/^(Quá hạn|Sắp đến hạn) báo cáo tiến độ: Nhiệm vụ nhắc hạn/);
    expect(mails[0].text).toMatch(/\(hạn \d{2}\/\d{2}\/\d{4}\)/);
  });

  it('account created and organization verified are mailed, with the sign-in address and never the password', async () => {
    const org = await makeOrganization('ACTIVE');
    const email = `moi-${uniq()}@test.vn`;
    const { userId } = await createUser(cast.admin, {
      name: 'Người dùng mới',
      email,
      role: 'ORGANIZATION',
      password: 'KhoiTao@2026',
      organizationId: org.id,
    });
    const [welcome] = await rowsOf(userId, 'accountCreated');
    expect(welcome).toMatchObject({ to: email, subject: 'Tài khoản của bạn đã được tạo' });
    expect(welcome.text).toContain(email);
    expect(welcome.text).toContain('https://khcn.example.gov.vn/login');
    expect(welcome.text + welcome.html).not.toContain('KhoiTao@2026');

    const pending = await makeOrganization('PENDING');
    const member = await makeUser('ORGANIZATION', { organizationId: pending.id });
    await setOrganizationStatus(cast.staff, { organizationId: pending.id, status: 'ACTIVE' });
    const [verified] = await rowsOf(member.id, 'organizationVerified');
    expect(verified.text).toContain(pending.name);
  });
});

describe('delivery', () => {
  it('a refused mail does not touch the action, stays queued with its error, and is delivered once the server takes it', async () => {
    refuse = true;
    const user = await makeUser('EVALUATOR');
    // The action succeeds while the SMTP server refuses everything: the mail waits in the outbox.
    await resetUserPassword(cast.admin, { userId: user.id, password: 'DatLai@2026x', confirmPassword: 'DatLai@2026x' });
    const [row] = await rowsOf(user.id, 'passwordReset');
    await expect(deliverMail(row.id, { lastAttempt: false })).rejects.toThrow(/temporarily unavailable/);
    await expect(deliverMail(row.id, { lastAttempt: false })).rejects.toThrow();
    expect(await prisma.mailMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: 'QUEUED',
      attempts: 2,
      lastError: expect.stringContaining('450'),
      lockedUntil: null,
    });
    expect(mailsTo(user.email)).toHaveLength(0);

    refuse = false;
    expect(await deliverMail(row.id, { lastAttempt: false })).toBe('sent');
    expect(await deliverMail(row.id, { lastAttempt: false })).toBe('done-already');
    const [mail] = mailsTo(user.email);
    expect(mailsTo(user.email)).toHaveLength(1);
    expect(mail.subject).toBe('Mật khẩu của bạn đã được đặt lại');
    expect(mail.messageId).toBe(`<${row.id}@khcn-tasks>`);
    expect(mail.from?.text).toContain('Sở Khoa học và Công nghệ');
    expect(await prisma.mailMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'SENT', transport: 'smtp' });
  });

  it('a server that cannot be reached ends in FAILED after the last try, with the error and no credential', async () => {
    const user = await makeUser('EVALUATOR');
    await resetUserPassword(cast.admin, { userId: user.id, password: 'DatLai@2026x', confirmPassword: 'DatLai@2026x' });
    const [row] = await rowsOf(user.id, 'passwordReset');
    vi.stubEnv('SMTP_URL', `smtp://khcn:BiMat-2026@127.0.0.1:${await freePort()}`);
    try {
      await expect(deliverMail(row.id, { lastAttempt: true })).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      vi.stubEnv('SMTP_URL', smtpUrl);
    }
    const failed = await prisma.mailMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    expect(failed.lastError).not.toContain('BiMat');
  });

  it('without SMTP_URL (development) the mail is kept as delivered and shown to the leader alone', async () => {
    const user = await makeUser('EVALUATOR');
    await resetUserPassword(cast.admin, { userId: user.id, password: 'DatLai@2026x', confirmPassword: 'DatLai@2026x' });
    const [row] = await rowsOf(user.id, 'passwordReset');
    vi.stubEnv('SMTP_URL', '');
    try {
      expect(await deliverMail(row.id, { lastAttempt: false })).toBe('sent');
    } finally {
      vi.stubEnv('SMTP_URL', smtpUrl);
    }
    expect(await prisma.mailMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'SENT', transport: 'dev' });
    expect(mailsTo(user.email)).toHaveLength(0);

    const box = await listDevMailbox(cast.admin, 1);
    expect(box.total).toBeGreaterThan(0);
    expect(box.rows[0]).toHaveProperty('text');
    expect(await caught(listDevMailbox(cast.staff, 1))).toBeInstanceOf(NotFoundError);
    vi.stubEnv('NODE_ENV', 'production');
    try {
      expect(await caught(listDevMailbox(cast.admin, 1))).toBeInstanceOf(NotFoundError);
      vi.stubEnv('MAIL_DEV_MAILBOX', '1');
      expect((await listDevMailbox(cast.admin, 1)).total).toBe(box.total);
    } finally {
      vi.stubEnv('NODE_ENV', 'test');
      vi.stubEnv('MAIL_DEV_MAILBOX', '');
    }
  });
});

// ---- through real workers ----------------------------------------------------------------------------------------

describe('two workers', () => {
  beforeAll(async () => {
    // The files before this one left their mails queued (no worker ran for them): out of this test's way.
    await prisma.mailMessage.updateMany({
      where: { status: 'QUEUED', createdAt: { lt: fileStart } },
      data: { status: 'FAILED', lastError: 'left by an earlier test file' },
    });
    // And a database used before (TEST_DATABASE_URL) may hold delivery jobs of an earlier run.
    const [queue] = await prisma.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS "exists"`;
    if (queue.exists) await prisma.$executeRaw`DELETE FROM pgboss.job WHERE name = ${QUEUES.mail} AND state < 'active'`;
  });

  it('deliver a journey’s mails, each once: the proposal to the department, its return to the organization', async () => {
    const log = () => {};
    workers.push(await startWorker({ log }), await startWorker({ log }));
    const j = await Journey.start(cast);
    await j.submit();
    const title = (await prisma.task.findUniqueOrThrow({ where: { id: j.taskId } })).title;
    await until(
      () =>
        mailsTo(cast.staff.email).some((m) => m.subject?.includes(title)) &&
        mailsTo(cast.admin.email).some((m) => m.subject?.includes(title)),
    );
    const received = mailsTo(cast.staff.email).find((m) => m.subject === `Hồ sơ đề xuất mới: ${title}`)!;
    expect(received.text).toContain(`https://khcn.example.gov.vn/department/tasks/${j.taskId}`);
    expect(received.html).toContain(`href="https://khcn.example.gov.vn/department/tasks/${j.taskId}"`);

    await returnTask(cast.staff, { ...(await j.ref()), comment: 'Bổ sung dự toán chi tiết.' });
    await until(() => mailsTo(j.org.email).length > 0);
    const [returned] = mailsTo(j.org.email);
    expect(returned.subject).toBe(`Hồ sơ được trả lại để chỉnh sửa: ${title}`);
    expect(returned.text).toContain(`https://khcn.example.gov.vn/org/tasks/${j.taskId}`);

    // A burst of mails: every outbox row sent, and each exactly once between the two workers.
    const users = await Promise.all(Array.from({ length: 12 }, () => makeUser('EVALUATOR')));
    await prisma.$transaction((tx) =>
      notify(
        tx,
        users.map((u) => u.id),
        'identificationSeatAssigned',
        null,
        { title: 'Hội đồng thử', seatId: 'x' },
      ),
    );
    const ids = (await prisma.mailMessage.findMany({ where: { userId: { in: users.map((u) => u.id) } }, select: { id: true } })).map(
      (r) => r.id,
    );
    expect(ids).toHaveLength(12);
    await until(async () => (await prisma.mailMessage.count({ where: { id: { in: ids }, status: 'SENT' } })) === 12);
    // Further sweeps and duplicate jobs send nothing again.
    await Promise.all(workers.map((w) => w.sweepMail()));
    await workers[0].boss.insert(ids.map((id) => ({ name: QUEUES.mail, data: { id } })));
    await new Promise((r) => setTimeout(r, 3_000));
    for (const id of ids) expect(inbox.filter((m) => m.messageId === `<${id}@khcn-tasks>`)).toHaveLength(1);
    for (const u of users) expect(mailsTo(u.email)).toHaveLength(1);
  }, 180_000);

  it('a mail the server refuses is retried by its job with backoff and delivered when the server is back', async () => {
    refuse = true;
    const user = await makeUser('EVALUATOR');
    await resetUserPassword(cast.admin, { userId: user.id, password: 'DatLai@2026x', confirmPassword: 'DatLai@2026x' });
    const [row] = await rowsOf(user.id, 'passwordReset');
    await until(async () => (await prisma.mailMessage.findUniqueOrThrow({ where: { id: row.id } })).attempts >= 1);
    const [job] = await prisma.$queryRaw<{ state: string; retry_count: number }[]>`
      SELECT state::text, retry_count FROM pgboss.job WHERE name = ${QUEUES.mail} AND data->>'id' = ${row.id}`;
    await until(async () => {
      const [j] = await prisma.$queryRaw<{ state: string }[]>`
        SELECT state::text FROM pgboss.job WHERE name = ${QUEUES.mail} AND data->>'id' = ${row.id}`;
      return j?.state === 'retry';
    });
    expect(job).toBeDefined();
    expect(await prisma.mailMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'QUEUED' });
    refuse = false;
    // The first retry comes 20 to 40 seconds later (20 s doubling, with jitter).
    await until(() => mailsTo(user.email).length === 1, 75);
    await until(async () => (await prisma.mailMessage.findUniqueOrThrow({ where: { id: row.id } })).status === 'SENT');
    expect(mailsTo(user.email)).toHaveLength(1);
  }, 120_000);
});
