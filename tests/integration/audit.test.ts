// The audit trail of writes that are not status changes, the access log of confidential reads, and the races
// the task lock settles: against the real database, through the real services.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { recordAudit } from '@/lib/audit/record';
import { loadAuditPage, type AccessLogRow, type AuditEventRow } from '@/lib/audit/loaders';
import { deleteAttachment, getAttachmentFile, uploadAttachment } from '@/lib/attachments/service';
import { createCall, updateCall } from '@/lib/calls/service';
import { declareConflict, getSeat, replaceMember, saveBallot } from '@/lib/councils/service';
import { setOrganizationStatus, signUpOrganization } from '@/lib/organizations/service';
import { decideExtension, requestExtension, reviewProgressReport, submitProgressReport } from '@/lib/reports/service';
import { getSettings, updateSettings } from '@/lib/settings/service';
import { getTaskDossier } from '@/lib/tasks/service';
import { createUser, resetUserPassword, setUserActive } from '@/lib/users/service';
import type { Actor } from '@/lib/server/actor';
import { actorWith, makeOrganization } from '../support/fixtures';
import { caught, GOOD_VOTE, Journey, makeCast, makeEvaluator, pdf, uniq, type Cast } from '../support/lifecycle';

let cast: Cast;
beforeAll(async () => {
  cast = await makeCast(7);
});

/** The audit rows of one record (and action), oldest first. */
function auditsOf(entityId: string, action?: string) {
  return prisma.auditEvent.findMany({ where: { entityId, ...(action ? { action } : {}) }, orderBy: { id: 'asc' } });
}

/** Exactly one audit row for this action on this record, written by this actor (about this task). */
async function oneAudit(expected: { actor: { id: string }; action: string; entityType: string; entityId: string; taskId?: string }) {
  const rows = await auditsOf(expected.entityId, expected.action);
  expect(rows, `${expected.action} on ${expected.entityId}`).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    actorId: expected.actor.id,
    action: expected.action,
    entityType: expected.entityType,
    entityId: expected.entityId,
    taskId: expected.taskId ?? null,
  });
  return rows[0];
}

const auditCount = (actorId: string) => prisma.auditEvent.count({ where: { actorId } });
const accessOf = (actorId: string) => prisma.accessLog.findMany({ where: { actorId }, orderBy: { id: 'asc' } });

describe('the audit trail of council writes', () => {
  it('records forming a council, declarations, a replacement and ballots, once each, with the task', async () => {
    const j = await Journey.start(cast);
    await j.submit();
    const { councilId, seats } = await j.formCouncil('PROPOSAL');
    const formed = await oneAudit({
      actor: cast.staff,
      action: 'council.form',
      entityType: 'Council',
      entityId: councilId,
      taskId: j.taskId,
    });
    expect((formed.after as { members: unknown[] }).members).toHaveLength(7);

    await declareConflict(seats[0].actor, { memberId: seats[0].memberId, hasConflict: false });
    const declared = await oneAudit({
      actor: seats[0].actor,
      action: 'council.declareConflict',
      entityType: 'CouncilMember',
      entityId: seats[0].memberId,
      taskId: j.taskId,
    });
    expect(declared).toMatchObject({
      before: { conflictStatus: 'PENDING' },
      after: { conflictStatus: 'NO_CONFLICT', conflictReason: null },
    });

    const recused = seats[1];
    await declareConflict(recused.actor, { memberId: recused.memberId, hasConflict: true, reason: 'Là đồng tác giả với chủ nhiệm.' });
    expect(
      (
        await oneAudit({
          actor: recused.actor,
          action: 'council.declareConflict',
          entityType: 'CouncilMember',
          entityId: recused.memberId,
          taskId: j.taskId,
        })
      ).after,
    ).toEqual({
      conflictStatus: 'CONFLICT',
      conflictReason: 'Là đồng tác giả với chủ nhiệm.',
    });
    // A second declaration is refused and leaves no second row.
    const again = await caught<ValidationError>(declareConflict(recused.actor, { memberId: recused.memberId, hasConflict: false }));
    expect(again.messageKey).toBe('alreadyDeclared');
    expect(await auditsOf(recused.memberId, 'council.declareConflict')).toHaveLength(1);

    const substitute = await makeEvaluator();
    const { memberId } = await replaceMember(cast.admin, { memberId: recused.memberId, userId: substitute.id });
    const replaced = await oneAudit({
      actor: cast.admin,
      action: 'council.replaceMember',
      entityType: 'CouncilMember',
      entityId: recused.memberId,
      taskId: j.taskId,
    });
    expect(replaced.after).toMatchObject({ replacedById: memberId, userId: substitute.id });

    await j.startReview();
    const seat = seats[0];
    const { ballotId } = await saveBallot(seat.actor, {
      memberId: seat.memberId,
      submit: false,
      scores: { necessity: 9 },
      comments: 'Nháp',
    });
    const draft = await oneAudit({
      actor: seat.actor,
      action: 'ballot.saveDraft',
      entityType: 'Ballot',
      entityId: ballotId,
      taskId: j.taskId,
    });
    expect(draft.after).toMatchObject({ status: 'DRAFT', scores: { necessity: 9 }, totalScore: 9 });
    await saveBallot(seat.actor, {
      memberId: seat.memberId,
      submit: true,
      scores: { necessity: 12, feasibility: 40, results: 28 },
      recommendation: 'APPROVE',
    });
    const submitted = await oneAudit({
      actor: seat.actor,
      action: 'ballot.submit',
      entityType: 'Ballot',
      entityId: ballotId,
      taskId: j.taskId,
    });
    expect(submitted.after).toMatchObject({ status: 'SUBMITTED', totalScore: 80, recommendation: 'APPROVE' });

    // A submitted ballot is locked: the refused change writes nothing.
    const before = await auditCount(seat.actor.id);
    const locked = await caught<ValidationError>(
      saveBallot(seat.actor, { memberId: seat.memberId, submit: false, scores: { necessity: 1 } }),
    );
    expect(locked.messageKey).toBe('ballotLocked');
    expect(await auditCount(seat.actor.id)).toBe(before);
  });
});

describe('the audit trail of a running task', () => {
  it('records reports, their review, extension requests and a refusal; an approval stays a task event', async () => {
    const j = await (await Journey.start(cast)).driveTo('RUNNING');
    const { reportId } = await submitProgressReport(j.org, {
      taskId: j.taskId,
      dueDate: '2027-03-15',
      workDone: 'Khảo sát xong 3 hợp tác xã.',
      productsSoFar: 'Báo cáo khảo sát',
      amountSpent: '50000000',
    });
    const submitted = await oneAudit({
      actor: j.org,
      action: 'report.submit',
      entityType: 'ProgressReport',
      entityId: reportId,
      taskId: j.taskId,
    });
    expect(submitted.after).toMatchObject({ amountSpent: '50000000', dueDate: '2027-03-15T00:00:00.000Z' });

    await reviewProgressReport(cast.staff, { reportId, status: 'NEEDS_REVISION', note: 'Bổ sung chứng từ chi.' });
    const reviewed = await oneAudit({
      actor: cast.staff,
      action: 'report.review',
      entityType: 'ProgressReport',
      entityId: reportId,
      taskId: j.taskId,
    });
    expect(reviewed).toMatchObject({
      before: { status: 'SUBMITTED' },
      after: { status: 'NEEDS_REVISION', reviewNote: 'Bổ sung chứng từ chi.' },
    });
    // Reviewed twice: the second is refused and leaves nothing.
    expect((await caught<ValidationError>(reviewProgressReport(cast.admin, { reportId, status: 'REVIEWED' }))).messageKey).toBe(
      'reportNotAwaitingReview',
    );
    expect(await auditsOf(reportId, 'report.review')).toHaveLength(1);

    const file = await j.upload('PROGRESS_REPORT');
    await oneAudit({ actor: j.org, action: 'attachment.upload', entityType: 'Attachment', entityId: file.id, taskId: j.taskId });
    await deleteAttachment(j.org, file.id);
    const deleted = await oneAudit({
      actor: j.org,
      action: 'attachment.delete',
      entityType: 'Attachment',
      entityId: file.id,
      taskId: j.taskId,
    });
    expect(deleted.before).toMatchObject({ kind: 'PROGRESS_REPORT', fileName: 'progress_report.pdf' });

    const ask = () =>
      requestExtension(
        j.org,
        { taskId: j.taskId, requestedEndDate: '2028-12-31', reason: 'Cần thêm thời gian thử nghiệm.' },
        new Date('2028-03-01T02:00:00Z'),
      );
    const refused = (await ask()).requestId;
    await oneAudit({ actor: j.org, action: 'extension.request', entityType: 'ExtensionRequest', entityId: refused, taskId: j.taskId });
    await decideExtension(cast.admin, { requestId: refused, version: await j.version(), approve: false, note: 'Chưa đủ căn cứ.' });
    const decided = await oneAudit({
      actor: cast.admin,
      action: 'extension.decide',
      entityType: 'ExtensionRequest',
      entityId: refused,
      taskId: j.taskId,
    });
    expect(decided.after).toEqual({ status: 'REJECTED', decisionNote: 'Chưa đủ căn cứ.' });

    // An approval changes the task's end date through the workflow: its record is the "extend" task event.
    const approved = (await ask()).requestId;
    await decideExtension(cast.admin, { requestId: approved, version: await j.version(), approve: true });
    expect(await auditsOf(approved, 'extension.decide')).toHaveLength(0);
    expect(await prisma.taskEvent.count({ where: { taskId: j.taskId, action: 'extend' } })).toBe(1);
  });
});

describe('the audit trail of the department administration', () => {
  it('records calls, settings, users and organizations, with what changed and never a password', async () => {
    const admin = cast.admin;
    const { callId } = await createCall(admin, {
      title: `Đợt đề xuất ${uniq()}`,
      year: 2028,
      opensAt: '2027-03-01T08:00',
      closesAt: '2027-04-30T17:00',
    });
    expect((await oneAudit({ actor: admin, action: 'call.create', entityType: 'Call', entityId: callId })).after).toMatchObject({
      year: 2028,
      opensAt: '2027-03-01T01:00:00.000Z',
    });
    await updateCall(admin, {
      callId,
      title: 'Đợt đề xuất đã đổi tên',
      year: 2028,
      opensAt: '2027-03-01T08:00',
      closesAt: '2027-04-30T17:00',
    });
    const callChange = await oneAudit({ actor: admin, action: 'call.update', entityType: 'Call', entityId: callId });
    expect(Object.keys(callChange.after as object)).toEqual(['title']);
    expect(callChange.after).toEqual({ title: 'Đợt đề xuất đã đổi tên' });

    const original = await getSettings();
    const beforeSettings = await auditsOf('department', 'settings.update');
    try {
      await updateSettings(admin, { ...original, passMark: original.passMark - 1 });
      const rows = await auditsOf('department', 'settings.update');
      expect(rows).toHaveLength(beforeSettings.length + 1);
      expect(rows.at(-1)).toMatchObject({
        actorId: admin.id,
        entityType: 'Setting',
        before: { passMark: original.passMark },
        after: { passMark: original.passMark - 1 },
      });
      // Refused (wrong role, or a value out of range): nothing written.
      expect(await caught(updateSettings(cast.staff, original))).toBeInstanceOf(ForbiddenError);
      expect(await caught(updateSettings(admin, { ...original, passMark: 0 }))).toBeInstanceOf(ValidationError);
      expect(await auditsOf('department', 'settings.update')).toHaveLength(beforeSettings.length + 1);
    } finally {
      await updateSettings(admin, original);
    }

    const email = `moi-${uniq()}@test.vn`;
    const { userId } = await createUser(admin, { name: 'Chuyên Viên Mới', email, role: 'DEPARTMENT_STAFF', password: 'Matkhau123' });
    const created = await oneAudit({ actor: admin, action: 'user.create', entityType: 'User', entityId: userId });
    expect(created.after).toEqual({ email, name: 'Chuyên Viên Mới', role: 'DEPARTMENT_STAFF', organizationId: null });
    await setUserActive(admin, { userId, active: false });
    expect(await oneAudit({ actor: admin, action: 'user.setActive', entityType: 'User', entityId: userId })).toMatchObject({
      before: { active: true },
      after: { active: false },
    });
    await resetUserPassword(admin, { userId, password: 'Moi@123456', confirmPassword: 'Moi@123456' });
    await oneAudit({ actor: admin, action: 'user.resetPassword', entityType: 'User', entityId: userId });
    const hash = (await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })).passwordHash;
    const trail = JSON.stringify(await auditsOf(userId), (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
    for (const secret of ['Matkhau123', 'Moi@123456', hash, 'password']) expect(trail).not.toContain(secret);
    // Deactivating oneself is refused, and leaves no row.
    const self = await auditCount(admin.id);
    expect(await caught(setUserActive(admin, { userId: admin.id, active: false }))).toBeInstanceOf(ValidationError);
    expect(await auditCount(admin.id)).toBe(self);

    const n = String(Date.now()).slice(-8);
    const signUp = await signUpOrganization({
      organizationName: `Công ty Nhật Ký ${n}`,
      kind: 'ENTERPRISE',
      taxCode: `07${n}`,
      address: '5 Hùng Vương, tỉnh An Phú',
      contactName: 'Trần Thị Dung',
      email: `nhatky.${n}@test.vn`,
      password: 'Matkhau123',
      confirmPassword: 'Matkhau123',
    });
    const signed = await oneAudit({
      actor: { id: signUp.userId },
      action: 'organization.signUp',
      entityType: 'Organization',
      entityId: signUp.organizationId,
    });
    expect(JSON.stringify(signed.after)).not.toContain('Matkhau123');
    await setOrganizationStatus(cast.staff, { organizationId: signUp.organizationId, status: 'ACTIVE' });
    expect(
      await oneAudit({ actor: cast.staff, action: 'organization.setStatus', entityType: 'Organization', entityId: signUp.organizationId }),
    ).toMatchObject({ before: { status: 'PENDING' }, after: { status: 'ACTIVE' } });
    expect(await caught(setOrganizationStatus(cast.staff, { organizationId: 'khong-co-to-chuc-nay', status: 'ACTIVE' }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await auditsOf('khong-co-to-chuc-nay')).toHaveLength(0);
  });
});

describe('the audit row and its write share one transaction', () => {
  it('rolls the row back with a write that fails after it, and drops secrets and bigints from what it keeps', async () => {
    const actor = await actorWith('DEPARTMENT_ADMIN');
    const entityId = `kiem-thu-${uniq()}`;
    await expect(
      prisma.$transaction(async (tx) => {
        await recordAudit(tx, actor, { action: 'call.update', entityType: 'Call', entityId, after: { title: 'x' } });
        throw new Error('the write failed after its audit row');
      }),
    ).rejects.toThrow(/failed after/);
    expect(await auditsOf(entityId)).toHaveLength(0);

    await prisma.$transaction((tx) =>
      recordAudit(tx, actor, {
        action: 'user.create',
        entityType: 'User',
        entityId,
        after: { name: 'A', password: 'Matkhau123', nested: { passwordHash: '$2b$10$abc', amount: 12n } },
      }),
    );
    expect((await auditsOf(entityId))[0].after).toEqual({ name: 'A', nested: { amount: '12' } });
  });
});

describe('both logs are append-only', () => {
  it('refuses to update, delete or truncate an audit row or an access row at the database level', async () => {
    const actor = await actorWith('DEPARTMENT_STAFF');
    const org = await makeOrganization('PENDING');
    await setOrganizationStatus(actor, { organizationId: org.id, status: 'ACTIVE' });
    const [row] = await auditsOf(org.id);
    await expect(prisma.auditEvent.update({ where: { id: row.id }, data: { action: 'sửa lại' } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.deleteMany({ where: { actorId: actor.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ action: 'organization.setStatus' });

    const access = await prisma.accessLog.create({ data: { actorId: actor.id, kind: 'DOSSIER', recordId: 'x', taskId: 'x' } });
    await expect(prisma.accessLog.update({ where: { id: access.id }, data: { actorId: 'someone-else' } })).rejects.toThrow(/append-only/);
    await expect(prisma.accessLog.delete({ where: { id: access.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe('TRUNCATE "AccessLog"')).rejects.toThrow(/append-only/);
    expect(await prisma.accessLog.findUniqueOrThrow({ where: { id: access.id } })).toMatchObject({ actorId: actor.id });
  });
});

describe('the access log of confidential reads', () => {
  it('records each dossier, seat and attachment opened, and nothing for a refused read', async () => {
    const j = await Journey.start(cast);
    await j.submit();
    const { seats } = await j.formCouncil('PROPOSAL');
    const attachment = await prisma.attachment.findFirstOrThrow({ where: { taskId: j.taskId }, select: { id: true } });
    const reader = await actorWith('DEPARTMENT_STAFF');

    await getTaskDossier(reader, j.taskId);
    await getAttachmentFile(reader, attachment.id);
    await getTaskDossier(reader, j.taskId);
    expect((await accessOf(reader.id)).map((r) => [r.kind, r.recordId, r.taskId])).toEqual([
      ['DOSSIER', j.taskId, j.taskId],
      ['ATTACHMENT', attachment.id, j.taskId],
      ['DOSSIER', j.taskId, j.taskId],
    ]);

    const member = seats[0];
    await getSeat(member.actor, member.memberId);
    expect((await accessOf(member.actor.id)).filter((r) => r.taskId === j.taskId).map((r) => [r.kind, r.recordId])).toEqual([
      ['SEAT', member.memberId],
    ]);

    // Another organization, and an evaluator on no council of the task: 404, and no row.
    const stranger = await actorWith('ORGANIZATION');
    expect(await caught(getTaskDossier(stranger, j.taskId))).toBeInstanceOf(NotFoundError);
    expect(await caught(getAttachmentFile(stranger, attachment.id))).toBeInstanceOf(NotFoundError);
    const outsider = await makeEvaluator();
    expect(await caught(getSeat(outsider, member.memberId))).toBeInstanceOf(NotFoundError);
    expect(await accessOf(stranger.id)).toEqual([]);
    expect(await accessOf(outsider.id)).toEqual([]);

    // The department's read logs beside the read itself: an id no task has is a 404 that leaves no row either.
    const before = (await accessOf(reader.id)).length;
    expect(await caught(getTaskDossier(reader, `${j.taskId}x`))).toBeInstanceOf(NotFoundError);
    expect(await accessOf(reader.id)).toHaveLength(before);
  });
});

describe('a dossier whose opening cannot be logged', () => {
  it('is not served, neither to the department (logged beside the read) nor to its organization (logged after)', async () => {
    const j = await Journey.start(cast);
    await j.submit();
    const reader = await actorWith('DEPARTMENT_STAFF');
    // The log refuses these two readers' rows (a trigger of this test only; others' rows pass).
    await prisma.$executeRawUnsafe(`CREATE FUNCTION audit_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."actorId" IN ('${reader.id}', '${j.org.id}') THEN RAISE EXCEPTION 'access log refused'; END IF; RETURN NEW; END $$`);
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER audit_test_refuse BEFORE INSERT ON "AccessLog" FOR EACH ROW EXECUTE FUNCTION audit_test_refuse()`,
    );
    try {
      expect(String(await caught(getTaskDossier(reader, j.taskId)))).toMatch(/access log refused/);
      expect(String(await caught(getTaskDossier(j.org, j.taskId)))).toMatch(/access log refused/);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER audit_test_refuse ON "AccessLog"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION audit_test_refuse()`);
    }
    expect(await accessOf(reader.id)).toEqual([]);
    // Once the log takes rows again, the same reads are served.
    expect((await getTaskDossier(reader, j.taskId)).task.id).toBe(j.taskId);
    expect((await getTaskDossier(j.org, j.taskId)).task.id).toBe(j.taskId);
  });
});

describe('the audit screen', () => {
  let j: Journey;
  let reader: Actor;
  beforeAll(async () => {
    j = await Journey.start(cast);
    await j.submit();
    reader = await actorWith('DEPARTMENT_STAFF');
    await getTaskDossier(reader, j.taskId);
    await getTaskDossier(j.org, j.taskId);
  });

  it('is the department leader’s alone', async () => {
    for (const who of [cast.staff, j.org, cast.evaluators[0]]) expect(await caught(loadAuditPage(who, {}))).toBeInstanceOf(ForbiddenError);
  });

  it('answers "who has seen this proposal", newest first, and "what did this user see"', async () => {
    const title = (await prisma.task.findUniqueOrThrow({ where: { id: j.taskId }, select: { title: true } })).title;
    const view = await loadAuditPage(cast.admin, { log: 'access', task: title });
    expect(view.log).toBe('access');
    const rows = view.rows as AccessLogRow[];
    expect(rows.map((r) => r.actor.id)).toEqual([j.org.id, reader.id]);
    expect(rows.every((r) => r.kind === 'DOSSIER' && r.task?.id === j.taskId)).toBe(true);
    expect(rows[0].at.getTime()).toBeGreaterThanOrEqual(rows[1].at.getTime());

    const byReader = await loadAuditPage(cast.admin, { log: 'access', actor: reader.email });
    expect((byReader.rows as AccessLogRow[]).map((r) => r.task?.id)).toEqual([j.taskId]);
    expect(byReader.filters.actor).toBe(reader.email);
    expect((await loadAuditPage(cast.admin, { log: 'access', actor: reader.email, kind: 'SEAT' })).total).toBe(0);
  });

  it('filters the audit trail by action, record type, task and days (Asia/Ho_Chi_Minh)', async () => {
    const file = await prisma.attachment.findFirstOrThrow({ where: { taskId: j.taskId }, select: { id: true } });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const title = (await prisma.task.findUniqueOrThrow({ where: { id: j.taskId }, select: { title: true } })).title;
    const view = await loadAuditPage(cast.admin, { task: title, action: 'attachment.upload', from: today, to: today });
    const rows = view.rows as AuditEventRow[];
    expect(rows.map((r) => r.entityId)).toEqual([file.id]);
    expect(rows[0]).toMatchObject({
      action: 'attachment.upload',
      entityType: 'Attachment',
      actor: { id: j.org.id },
      task: { id: j.taskId },
    });
    expect(rows[0].changes).toEqual(expect.arrayContaining([{ field: 'kind', before: null, after: 'PROPOSAL_DOC' }]));
    expect((await loadAuditPage(cast.admin, { task: title, from: tomorrow })).total).toBe(0);
    expect((await loadAuditPage(cast.admin, { task: title, entity: 'Council' })).total).toBe(0);
    // Nonsense in the URL is ignored, never an error.
    const lenient = await loadAuditPage(cast.admin, { log: 'nope', action: 'drop table', from: '2026-02-31', page: '-3' });
    expect(lenient).toMatchObject({ log: 'audit', page: 1, filters: { action: '', from: '' } });
  });
});

describe('a ballot submitted while the leader decides', () => {
  it('either lands before the decision (and is counted by it) or is refused as "council closed"; never after', async () => {
    const outcomes = { before: 0, refused: 0 };
    // The decision starts later and later, so that both orders happen (the ballot's own checks take a while).
    const delays = [0, 0, 5, 10, 20, 100];
    for (const delay of delays) {
      // Six of seven members voted (quorum met); the seventh declared no conflict and submits as the leader decides.
      const j = await (await Journey.start(cast)).driveTo('UNDER_REVIEW', { proposalVotes: Array(6).fill(GOOD_VOTE) });
      const last = j.seats('PROPOSAL')[6];
      const ballot = saveBallot(last.actor, {
        memberId: last.memberId,
        submit: true,
        scores: { necessity: 12, feasibility: 40, results: 28 },
        recommendation: 'APPROVE',
      });
      const decision = new Promise((resolve) => setTimeout(resolve, delay)).then(() => j.approve());
      const [voted, decided] = await Promise.allSettled([ballot, decision]);
      expect(decided.status).toBe('fulfilled');
      const council = await prisma.council.findFirstOrThrow({ where: { taskId: j.taskId, stage: 'PROPOSAL' } });
      expect(council.status).toBe('CLOSED');
      const stored = await prisma.ballot.findUnique({ where: { memberId: last.memberId } });
      const audits = await prisma.auditEvent.count({ where: { actorId: last.actor.id, taskId: j.taskId, action: 'ballot.submit' } });
      if (voted.status === 'fulfilled') {
        outcomes.before += 1;
        expect(stored).toMatchObject({ status: 'SUBMITTED' });
        expect(stored!.submittedAt!.getTime()).toBeLessThanOrEqual(council.closedAt!.getTime());
        expect(audits).toBe(1);
      } else {
        outcomes.refused += 1;
        expect(voted.reason).toBeInstanceOf(ValidationError);
        expect((voted.reason as ValidationError).messageKey).toBe('councilClosed');
        expect(stored).toBeNull();
        expect(audits).toBe(0);
      }
    }
    expect(outcomes.before + outcomes.refused).toBe(delays.length);
  });
});

describe('two replacements of one recused member at once', () => {
  it('seats exactly one substitute: one new member row, one audit row, the other told it is already replaced', async () => {
    for (let round = 0; round < 3; round++) {
      const j = await Journey.start(cast);
      await j.submit();
      const { councilId, seats } = await j.formCouncil('PROPOSAL');
      const recused = seats[2];
      await declareConflict(recused.actor, { memberId: recused.memberId, hasConflict: true, reason: 'Có quan hệ gia đình với chủ nhiệm.' });
      const [a, b] = await Promise.all([makeEvaluator(), makeEvaluator()]);
      const results = await Promise.allSettled([
        replaceMember(cast.staff, { memberId: recused.memberId, userId: a.id }),
        replaceMember(cast.admin, { memberId: recused.memberId, userId: b.id }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toBeInstanceOf(ValidationError);
      expect(lost[0].reason.messageKey).toBe('alreadyReplaced');
      const winner = results[0].status === 'fulfilled' ? a : b;
      const members = await prisma.councilMember.findMany({ where: { councilId }, select: { id: true, userId: true } });
      expect(members).toHaveLength(8);
      expect(members.filter((m) => m.userId === a.id || m.userId === b.id).map((m) => m.userId)).toEqual([winner.id]);
      const linked = await prisma.councilMember.findUniqueOrThrow({ where: { id: recused.memberId }, select: { replacedById: true } });
      expect(members.find((m) => m.id === linked.replacedById)?.userId).toBe(winner.id);
      const audits = await auditsOf(recused.memberId, 'council.replaceMember');
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ actorId: results[0].status === 'fulfilled' ? cast.staff.id : cast.admin.id });
      expect(await prisma.notification.count({ where: { taskId: j.taskId, userId: { in: [a.id, b.id] } } })).toBe(1);
    }
  });
});

describe('a file added while the report is reviewed', () => {
  it('queues behind the review under the task lock: the file is refused on a reviewed report', async () => {
    const j = await (await Journey.start(cast)).driveTo('RUNNING');
    const { reportId } = await submitProgressReport(j.org, {
      taskId: j.taskId,
      dueDate: '2027-03-15',
      workDone: 'Khảo sát xong.',
      productsSoFar: 'Báo cáo khảo sát',
      amountSpent: '1000000',
    });
    const [review, upload] = await Promise.allSettled([
      reviewProgressReport(cast.staff, { reportId, status: 'REVIEWED' }),
      uploadAttachment(j.org, {
        taskId: j.taskId,
        kind: 'PROGRESS_REPORT',
        progressReportId: reportId,
        fileName: 'chung-tu.pdf',
        bytes: pdf(),
      }),
    ]);
    expect(review.status).toBe('fulfilled');
    const files = await prisma.attachment.count({ where: { progressReportId: reportId } });
    if (upload.status === 'fulfilled') expect(files).toBe(1);
    else {
      expect((upload.reason as ValidationError).messageKey).toBe('reportAlreadyReviewed');
      expect(files).toBe(0);
    }
    expect(await auditsOf(reportId, 'report.review')).toHaveLength(1);
  });
});
