// The public registry of accepted tasks: accepted only, exactly the public fields, searched ignoring case and
// diacritics, paginated; the result files the department publishes, listed and downloaded without login; against
// the real PostgreSQL.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { listRegistry } from '@/lib/registry/service';
import { deleteAttachment, getPublishedFile, setAttachmentPublished, uploadAttachment } from '@/lib/attachments/service';
import { attachmentResponse } from '@/lib/attachments/download';
import type { Actor } from '@/lib/server/actor';
import { actorWith, makeUser } from '../support/fixtures';
import { caught, pdf } from '../support/lifecycle';

const tag = randomUUID().slice(0, 8);
let org: { id: string; name: string };

beforeAll(async () => {
  org = await prisma.organization.create({
    data: {
      name: `Trung tâm Ứng dụng tiến bộ KH&CN Điện Biên ${tag}`,
      kind: 'INSTITUTE',
      taxCode: String(Date.now()).slice(-10),
      address: 'An Phú',
      status: 'ACTIVE',
    },
    select: { id: true, name: true },
  });
});

describe('the public registry', () => {
  const PUBLIC_FIELDS = [
    'approvedBudget',
    'certificateNo',
    'code',
    'endYear',
    'field',
    'files',
    'grade',
    'organization',
    'principalInvestigator',
    'resultsSummary',
    'startYear',
    'title',
  ];
  let accepted: { registered: string; pending: string };

  beforeAll(async () => {
    const owner = await makeUser('ORGANIZATION', { organizationId: org.id });
    const secret = {
      budgetTotal: 2_000_000_000n,
      budgetState: 1_500_000_000n,
      piEmail: 'secret@example.vn',
      piPhone: '0900000000',
      selfAssessment: 'Tự đánh giá nội bộ',
      contractNo: 'HĐ-BÍ-MẬT',
    };
    const task = (data: Record<string, unknown>) =>
      prisma.task
        .create({
          data: { year: 2022, hostOrganizationId: org.id, createdById: owner.id, title: '', ...secret, ...data },
          select: { id: true },
        })
        .then((t) => t.id);
    const done = (n: string) => ({
      status: 'ACCEPTED',
      code: `KHCN-2022-${tag}-${n}`,
      field: 'AGRICULTURAL',
      piName: 'PGS.TS. Phạm Đình Tuấn',
      startDate: new Date('2022-02-01'),
      endDate: new Date('2023-12-31'),
      acceptanceGrade: 'EXCELLENT',
      acceptanceDecisionDate: new Date('2024-03-15'),
      finalReportSummary: 'Giống lúa mới cho năng suất cao.',
      approvedBudget: 1_450_000_000n,
    });
    accepted = {
      registered: await task({ ...done('1'), title: `Chọn tạo giống lúa chịu mặn ${tag} vùng ven biển` }),
      pending: await task({ ...done('2'), title: `Quy trình canh tác lúa chịu mặn ${tag}`, acceptanceGrade: 'PASS' }),
    };
    await task({ status: 'NOT_ACCEPTED', title: `Mô hình lúa chịu mặn ${tag} không đạt`, acceptanceGrade: 'FAIL' });
    await task({ status: 'RUNNING', title: `Lúa chịu mặn ${tag} đang thực hiện` });
    await task({ status: 'ACCEPTANCE_REVIEW', title: `Lúa chịu mặn ${tag} chờ nghiệm thu` });
    const registration = (taskId: string, status: 'REGISTERED' | 'SUBMITTED', certificateNo: string | null) =>
      prisma.resultRegistration.create({
        data: { taskId, status, certificateNo, resultsSummary: 'Kết quả', submittedById: owner.id, submittedAt: new Date() },
      });
    await registration(accepted.registered, 'REGISTERED', `GCN-${tag}`);
    await registration(accepted.pending, 'SUBMITTED', null);
  });

  it('lists accepted tasks only, searched without diacritics, with exactly the public fields', async () => {
    // five tasks carry these words; two of them were accepted
    const found = await listRegistry({ q: `lua chiu man ${tag}` });
    expect(found.total).toBe(2);
    expect(found.rows.map((r) => r.title).sort()).toEqual([
      `Chọn tạo giống lúa chịu mặn ${tag} vùng ven biển`,
      `Quy trình canh tác lúa chịu mặn ${tag}`,
    ]);
    expect((await listRegistry({ q: `GIỐNG LUA chiu man ${tag} VUNG` })).rows.map((r) => r.code)).toEqual([`KHCN-2022-${tag}-1`]);
    const byOrg = await listRegistry({ q: `DIEN BIEN ${tag}` });
    expect(byOrg.rows.map((r) => r.code).sort()).toEqual([`KHCN-2022-${tag}-1`, `KHCN-2022-${tag}-2`]);
    for (const row of byOrg.rows) expect(Object.keys(row).sort()).toEqual(PUBLIC_FIELDS);
    expect(byOrg.rows.find((r) => r.code?.endsWith('-1'))).toEqual({
      code: `KHCN-2022-${tag}-1`,
      title: `Chọn tạo giống lúa chịu mặn ${tag} vùng ven biển`,
      organization: org.name,
      principalInvestigator: 'PGS.TS. Phạm Đình Tuấn',
      field: 'AGRICULTURAL',
      startYear: 2022,
      endYear: 2023,
      grade: 'EXCELLENT',
      resultsSummary: 'Giống lúa mới cho năng suất cao.',
      approvedBudget: 1_450_000_000n,
      certificateNo: `GCN-${tag}`,
      files: [],
    });
    // a registration not yet recorded shows no certificate number
    expect(byOrg.rows.find((r) => r.code?.endsWith('-2'))?.certificateNo).toBeNull();
    expect((await listRegistry({ q: 'pham dinh tuan' })).rows.length).toBeGreaterThanOrEqual(2);
  });

  it('counts every accepted task and nothing else, a page at a time', async () => {
    const all = await listRegistry({});
    expect(all.total).toBe(await prisma.task.count({ where: { status: 'ACCEPTED' } }));
    const rows = [];
    for (let page = 1; page <= Math.ceil(all.total / all.pageSize); page++) rows.push(...(await listRegistry({ page: String(page) })).rows);
    expect(rows).toHaveLength(all.total);
    const codes = rows.flatMap((r) => (r.code ? [r.code] : []));
    const statuses = await prisma.task.findMany({ where: { code: { in: codes } }, select: { status: true } });
    expect(statuses).toHaveLength(codes.length);
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['ACCEPTED']));
  });
});

describe('result files the department makes public', () => {
  let staff: Actor;
  let admin: Actor;
  let owner: Actor;
  let otherOrganization: Actor;
  let evaluator: Actor;
  let member: Actor;
  const bytes = { report: pdf(`báo cáo tổng hợp ${tag}`), evidence: pdf(`minh chứng ${tag}`) };
  /** The accepted task's files by kind, and a result file of a task still running. */
  let files: { report: string; evidence: string; selfAssessment: string; running: string };
  let accepted: string;

  const entry = async () => (await listRegistry({ q: `kenh muong noi dong ${tag}` })).rows.find((r) => r.code === `KHCN-2023-${tag}`)!;
  const auditRows = (attachmentId: string) =>
    prisma.auditEvent.findMany({
      where: { entityId: attachmentId, action: { in: ['attachment.publish', 'attachment.unpublish'] } },
      orderBy: { createdAt: 'asc' },
    });
  // What GET /api/registry/files/<id> answers (app/api/registry/files/[attachmentId]/route.ts: these two calls in
  // handlePublicRoute, which turns the NotFoundError into the 404 every missing record gets). The route module
  // itself loads next-auth through lib/server/route, which does not load outside Next.
  const download = async (attachmentId: string) => attachmentResponse(await getPublishedFile(attachmentId), 'no-store');

  beforeAll(async () => {
    [staff, admin, owner, otherOrganization, evaluator, member] = await Promise.all([
      actorWith('DEPARTMENT_STAFF'),
      actorWith('DEPARTMENT_ADMIN'),
      actorWith('ORGANIZATION', { organizationId: org.id }),
      actorWith('ORGANIZATION'),
      actorWith('EVALUATOR'),
      actorWith('EVALUATOR'),
    ]);
    const running = (title: string) =>
      prisma.task
        .create({
          data: {
            year: 2023,
            hostOrganizationId: org.id,
            createdById: owner.id,
            title,
            status: 'RUNNING',
            code: title.includes('đang') ? null : `KHCN-2023-${tag}`,
            piName: 'TS. Đỗ Thị Hạnh',
          },
          select: { id: true },
        })
        .then((t) => t.id);
    accepted = await running(`Kiên cố hóa kênh mương nội đồng ${tag}`);
    const stillRunning = await running(`Kiên cố hóa kênh mương ${tag} đang thực hiện`);
    // The organization uploads its results while the task runs, through the real service (type check, storage).
    const upload = async (taskId: string, kind: 'FINAL_REPORT' | 'PRODUCT_EVIDENCE' | 'SELF_ASSESSMENT', file: Buffer, fileName: string) =>
      (await uploadAttachment(owner, { taskId, kind, fileName, bytes: file })).id;
    files = {
      report: await upload(accepted, 'FINAL_REPORT', bytes.report, 'Báo cáo tổng hợp kết quả.pdf'),
      evidence: await upload(accepted, 'PRODUCT_EVIDENCE', bytes.evidence, 'Minh chứng sản phẩm.pdf'),
      selfAssessment: await upload(accepted, 'SELF_ASSESSMENT', pdf(), 'Tự đánh giá.pdf'),
      running: await upload(stillRunning, 'FINAL_REPORT', pdf(), 'Báo cáo dở dang.pdf'),
    };
    // Accepted, its results registered: it owes nothing that would show in another test's overdue lists (the
    // database is shared), and the running task, without dates, owes no report either.
    await prisma.task.update({
      where: { id: accepted },
      data: {
        status: 'ACCEPTED',
        startDate: new Date('2023-01-01'),
        endDate: new Date('2024-06-30'),
        acceptanceGrade: 'PASS',
        acceptanceDecisionDate: new Date('2024-09-10'),
        closedAt: new Date('2024-09-10'),
        registration: {
          create: {
            status: 'REGISTERED',
            certificateNo: `GCN-KM-${tag}`,
            resultsSummary: 'Quy trình kiên cố hóa kênh mương bằng bê tông đúc sẵn.',
            submittedById: owner.id,
            submittedAt: new Date('2024-09-20'),
          },
        },
      },
    });
    // `member` sat on the task's acceptance council without conflict: it sees the task's files.
    await prisma.council.create({
      data: {
        taskId: accepted,
        stage: 'ACCEPTANCE',
        status: 'CLOSED',
        createdById: staff.id,
        members: { create: { userId: member.id, position: 'CHAIR', conflictStatus: 'NO_CONFLICT', declaredAt: new Date() } },
      },
    });
  });

  it('lists nothing and serves nothing of an accepted task until the department publishes a file', async () => {
    expect((await entry()).files).toEqual([]);
    for (const id of Object.values(files)) expect(await caught(getPublishedFile(id))).toBeInstanceOf(NotFoundError);
  });

  it('lets department staff publish a result file of an accepted task, with its audit row, and the registry lists it', async () => {
    const now = new Date('2026-12-04T03:00:00Z');
    const done = await setAttachmentPublished(staff, { attachmentId: files.report, publish: true }, now);
    expect(done).toEqual({ attachmentId: files.report, publishedAt: now, changed: true });
    expect(await prisma.attachment.findUniqueOrThrow({ where: { id: files.report } })).toMatchObject({
      publishedAt: now,
      publishedById: staff.id,
    });
    const [audit] = await auditRows(files.report);
    expect(audit).toMatchObject({
      actorId: staff.id,
      action: 'attachment.publish',
      taskId: accepted,
      before: { fileName: 'Báo cáo tổng hợp kết quả.pdf', kind: 'FINAL_REPORT', publishedAt: null, publishedById: null },
      after: { fileName: 'Báo cáo tổng hợp kết quả.pdf', kind: 'FINAL_REPORT', publishedAt: now.toISOString(), publishedById: staff.id },
    });
    // Asking again for the state it is in changes nothing and records nothing.
    expect(await setAttachmentPublished(staff, { attachmentId: files.report, publish: true })).toMatchObject({ changed: false });
    expect(await auditRows(files.report)).toHaveLength(1);

    // The leader too; the registry lists exactly the published files, by name and size.
    await setAttachmentPublished(admin, { attachmentId: files.evidence, publish: true }, new Date('2026-12-04T04:00:00Z'));
    expect((await entry()).files).toEqual([
      { id: files.report, fileName: 'Báo cáo tổng hợp kết quả.pdf', size: bytes.report.byteLength },
      { id: files.evidence, fileName: 'Minh chứng sản phẩm.pdf', size: bytes.evidence.byteLength },
    ]);
  });

  it('serves a published file without login, and the same 404 for anything else', async () => {
    await setAttachmentPublished(staff, { attachmentId: files.report, publish: true });
    const response = await download(files.report);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes.report)).toBe(true);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('Content-Disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Báo cáo tổng hợp kết quả.pdf')}`);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    // Unpublished (a non-result kind), of a task not accepted, unknown, malformed: one and the same NotFoundError.
    for (const id of [files.selfAssessment, files.running, 'cmunknown000000000000000', '../../etc/passwd'])
      expect(await caught(getPublishedFile(id))).toBeInstanceOf(NotFoundError);
    // The same error, message key and all: the 404's body cannot tell them apart.
    const errors = await Promise.all(
      [files.selfAssessment, files.running, 'cmunknown000000000000000', '../x'].map((id) => caught(download(id))),
    );
    expect(new Set(errors.map((e) => JSON.stringify([e.constructor.name, e.code, e.messageKey, e.params])))).toEqual(
      new Set([JSON.stringify(['NotFoundError', 'NOT_FOUND', 'notFound', {}])]),
    );
  });

  it('refuses an organization and an evaluator: 403 to whom sees the file, 404 to whom does not; nothing changes', async () => {
    const before = await prisma.attachment.findUniqueOrThrow({ where: { id: files.selfAssessment } });
    const events = await prisma.auditEvent.count({ where: { taskId: accepted } });
    const attempt = (actor: Actor) => caught(setAttachmentPublished(actor, { attachmentId: files.evidence, publish: false }));
    expect(await attempt(owner)).toBeInstanceOf(ForbiddenError);
    expect(await attempt(member)).toBeInstanceOf(ForbiddenError);
    expect(await attempt(otherOrganization)).toBeInstanceOf(NotFoundError);
    expect(await attempt(evaluator)).toBeInstanceOf(NotFoundError);
    expect(await caught(setAttachmentPublished(owner, { attachmentId: files.selfAssessment, publish: true }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(await prisma.attachment.findUniqueOrThrow({ where: { id: files.selfAssessment } })).toEqual(before);
    expect((await prisma.attachment.findUniqueOrThrow({ where: { id: files.evidence } })).publishedAt).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { taskId: accepted } })).toBe(events);
  });

  it('refuses a file that is not a result, and a task not accepted, with the reason', async () => {
    const notResult = await caught<ValidationError>(setAttachmentPublished(staff, { attachmentId: files.selfAssessment, publish: true }));
    expect(notResult).toBeInstanceOf(ValidationError);
    expect(notResult.messageKey).toBe('attachmentNotPublishable');
    const notAccepted = await caught<ValidationError>(setAttachmentPublished(staff, { attachmentId: files.running, publish: true }));
    expect(notAccepted).toBeInstanceOf(ValidationError);
    expect(notAccepted.messageKey).toBe('attachmentPublishNotAccepted');
    expect(
      await prisma.attachment.count({ where: { id: { in: [files.selfAssessment, files.running] }, publishedAt: { not: null } } }),
    ).toBe(0);
    // A malformed request is a ValidationError too, before anything is read.
    expect(await caught(setAttachmentPublished(staff, { attachmentId: files.report, publish: 'yes' }))).toBeInstanceOf(ValidationError);
  });

  it('keeps a published file from being removed by its organization until it is withdrawn', async () => {
    // A registration returned for completion lets the organization replace its registration form: not once public.
    await prisma.resultRegistration.update({ where: { taskId: accepted }, data: { status: 'RETURNED' } });
    try {
      const form = await uploadAttachment(owner, {
        taskId: accepted,
        kind: 'REGISTRATION_FORM',
        fileName: 'Đăng ký kết quả.pdf',
        bytes: pdf(),
      });
      await setAttachmentPublished(staff, { attachmentId: form.id, publish: true });
      const refused = await caught<ValidationError>(deleteAttachment(owner, form.id));
      expect(refused).toBeInstanceOf(ValidationError);
      expect(refused.messageKey).toBe('attachmentPublishedKept');
      expect((await entry()).files.map((f) => f.id)).toContain(form.id);
      await setAttachmentPublished(staff, { attachmentId: form.id, publish: false });
      await deleteAttachment(owner, form.id);
      expect(await prisma.attachment.count({ where: { id: form.id } })).toBe(0);
    } finally {
      await prisma.resultRegistration.update({ where: { taskId: accepted }, data: { status: 'REGISTERED' } });
    }
  });

  it('hides an unpublished file again: gone from the registry, a 404 to download, an audit row', async () => {
    await setAttachmentPublished(staff, { attachmentId: files.report, publish: true });
    const now = new Date('2026-12-05T03:00:00Z');
    expect(await setAttachmentPublished(admin, { attachmentId: files.report, publish: false }, now)).toEqual({
      attachmentId: files.report,
      publishedAt: null,
      changed: true,
    });
    expect(await prisma.attachment.findUniqueOrThrow({ where: { id: files.report } })).toMatchObject({
      publishedAt: null,
      publishedById: null,
    });
    expect((await auditRows(files.report)).map((a) => [a.action, a.actorId])).toEqual([
      ['attachment.publish', staff.id],
      ['attachment.unpublish', admin.id],
    ]);
    expect((await entry()).files.map((f) => f.id)).toEqual([files.evidence]);
    expect(await caught(getPublishedFile(files.report))).toBeInstanceOf(NotFoundError);
    expect((await download(files.evidence)).status).toBe(200);
    // A published file of a task that is no longer accepted is not served either (the status is read on each download).
    await prisma.task.update({ where: { id: accepted }, data: { status: 'NOT_ACCEPTED' } });
    try {
      expect(await caught(getPublishedFile(files.evidence))).toBeInstanceOf(NotFoundError);
    } finally {
      await prisma.task.update({ where: { id: accepted }, data: { status: 'ACCEPTED' } });
    }
  });
});
