// Two people acting on the same task at once: exactly one wins, the other is told the task changed
// (ConflictError, code CONFLICT), and the database holds one consistent change — never half of two.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { ConflictError, ValidationError } from '@/lib/server/errors';
import { formCouncil, saveBallot } from '@/lib/councils/service';
import { decideExtension, requestExtension, submitProgressReport } from '@/lib/reports/service';
import { approveTask, returnTask, startReview, submitTask, updateDraft, withdrawTask } from '@/lib/tasks/service';
import { actorWith, login, makeUser } from '../support/fixtures';
import { caught, eventsOf, fullContent, Journey, makeCast, positionsFor, type Cast } from '../support/lifecycle';

let cast: Cast;
beforeAll(async () => {
  cast = await makeCast(7);
});

/** Exactly one fulfilled, the other rejected with a ConflictError; returns the winner's index. */
function oneWinner(results: PromiseSettledResult<unknown>[]) {
  const won = results.filter((r) => r.status === 'fulfilled');
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(won).toHaveLength(1);
  expect(lost).toHaveLength(1);
  expect(lost[0].reason).toBeInstanceOf(ConflictError);
  expect(lost[0].reason).toMatchObject({ code: 'CONFLICT', messageKey: 'staleTask' });
  return results.findIndex((r) => r.status === 'fulfilled');
}

async function snapshot(taskId: string) {
  const [task, events, notifications, councils] = await Promise.all([
    prisma.task.findUniqueOrThrow({ where: { id: taskId }, select: { status: true, version: true, code: true } }),
    prisma.taskEvent.count({ where: { taskId } }),
    prisma.notification.count({ where: { taskId } }),
    prisma.council.count({ where: { taskId } }),
  ]);
  return { ...task, events, notifications, councils };
}

describe('two department users on one proposal at the same moment', () => {
  it('return (staff A) and start review (staff B): one change, one event, one consistent version', async () => {
    const j = await Journey.start(cast);
    await j.submit();
    await j.formCouncil('PROPOSAL');
    const staffB = await actorWith('DEPARTMENT_STAFF');
    const ref = await j.ref();
    const before = await snapshot(j.taskId);

    const results = await Promise.allSettled([
      returnTask(cast.staff, { ...ref, comment: 'Bổ sung dự toán kinh phí chi tiết.' }),
      startReview(staffB, ref),
    ]);
    const winner = oneWinner(results);
    const expected =
      winner === 0
        ? { action: 'return', to: 'RETURNED', actor: cast.staff.id }
        : { action: 'startReview', to: 'UNDER_REVIEW', actor: staffB.id };

    const after = await snapshot(j.taskId);
    expect(after.status).toBe(expected.to);
    expect(after.version).toBe(ref.version + 1);
    expect(after.events).toBe(before.events + 1);
    const last = (await eventsOf(j.taskId)).at(-1)!;
    expect(last).toMatchObject({ action: expected.action, fromStatus: 'PROPOSED', toStatus: expected.to, actorId: expected.actor });
    // Only the winner's side effects: "returned" tells the organization; starting the review tells nobody.
    const returned = await prisma.notification.count({ where: { taskId: j.taskId, kind: 'taskReturned' } });
    expect(returned).toBe(winner === 0 ? 1 : 0);
  });

  it('two leaders approve at once: one approval, one code, the counter moved once', async () => {
    const j = await (await Journey.start(cast)).driveTo('UNDER_REVIEW');
    const admin2 = await actorWith('DEPARTMENT_ADMIN');
    const ref = await j.ref();
    const year = 2027;
    const counterBefore = (await prisma.taskCodeCounter.findUnique({ where: { year } }))?.last ?? 0;
    const before = await snapshot(j.taskId);
    const decision = { decisionDate: `${year}-02-01`, approvedBudget: '1.400.000.000', approvedDurationMonths: 18 };

    const results = await Promise.allSettled([
      approveTask(cast.admin, { ...ref, ...decision, decisionNo: '11/QĐ-SKHCN' }),
      approveTask(admin2, { ...ref, ...decision, decisionNo: '22/QĐ-SKHCN' }),
    ]);
    const winner = oneWinner(results);

    const after = await snapshot(j.taskId);
    expect(after).toMatchObject({
      status: 'APPROVED',
      version: ref.version + 1,
      events: before.events + 1,
      notifications: before.notifications + 1,
    });
    const counterAfter = (await prisma.taskCodeCounter.findUniqueOrThrow({ where: { year } })).last;
    expect(counterAfter).toBe(counterBefore + 1);
    expect(after.code).toBe(`KHCN-${year}-${String(counterAfter).padStart(3, '0')}`);
    const task = await prisma.task.findUniqueOrThrow({ where: { id: j.taskId }, select: { approvalDecisionNo: true } });
    expect(task.approvalDecisionNo).toBe(winner === 0 ? '11/QĐ-SKHCN' : '22/QĐ-SKHCN');
    expect((await eventsOf(j.taskId)).filter((e) => e.action === 'approve')).toHaveLength(1);
  });

  it('two staff form the proposal council at once: one council of 7, not two', async () => {
    const j = await Journey.start(cast);
    await j.submit();
    const staffB = await actorWith('DEPARTMENT_STAFF');
    const ref = await j.ref();
    const members = cast.evaluators.map((e, i) => ({ userId: e.id, position: positionsFor(7)[i] }));
    const results = await Promise.allSettled([
      formCouncil(cast.staff, { ...ref, stage: 'PROPOSAL', members }),
      formCouncil(staffB, { ...ref, stage: 'PROPOSAL', members }),
    ]);
    oneWinner(results);
    const councils = await prisma.council.findMany({ where: { taskId: j.taskId }, select: { _count: { select: { members: true } } } });
    expect(councils.map((c) => c._count.members)).toEqual([7]);
    expect(await prisma.notification.count({ where: { taskId: j.taskId, kind: 'councilSeatAssigned' } })).toBe(7);
    expect((await snapshot(j.taskId)).version).toBe(ref.version + 1);
  });
});

describe('the organization on its own task at the same moment', () => {
  it('a double submit goes through once: one event, the department notified once', async () => {
    const j = await Journey.start(cast);
    const ref = await j.ref();
    const before = await snapshot(j.taskId);
    const results = await Promise.allSettled([submitTask(j.org, ref), submitTask(j.org, ref)]);
    oneWinner(results);
    const after = await snapshot(j.taskId);
    expect(after).toMatchObject({ status: 'PROPOSED', version: ref.version + 1, events: before.events + 1 });
    const departmentUsers = await prisma.user.count({ where: { role: { in: ['DEPARTMENT_ADMIN', 'DEPARTMENT_STAFF'] }, active: true } });
    expect(await prisma.notification.count({ where: { taskId: j.taskId, kind: 'proposalSubmitted' } })).toBe(departmentUsers);
  });

  it('withdraw by the organization races return by the staff: one of them, never both', async () => {
    const j = await Journey.start(cast);
    await j.submit();
    const ref = await j.ref();
    const results = await Promise.allSettled([
      withdrawTask(j.org, { ...ref, reason: 'Không còn kinh phí đối ứng.' }),
      returnTask(cast.staff, { ...ref, comment: 'Làm rõ phương pháp nghiên cứu.' }),
    ]);
    const winner = oneWinner(results);
    const after = await snapshot(j.taskId);
    expect(after.status).toBe(winner === 0 ? 'WITHDRAWN' : 'RETURNED');
    expect((await eventsOf(j.taskId)).map((e) => e.action)).toEqual(['create', 'submit', winner === 0 ? 'withdraw' : 'return']);
  });
});

/** Exactly one fulfilled; the other refused with a ValidationError saying it is already there. */
function oneStored(results: PromiseSettledResult<unknown>[]) {
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
  expect(lost.reason).toBeInstanceOf(ValidationError);
  return lost.reason as ValidationError;
}

describe('two leaders deciding one extension request at once', () => {
  it('records one decision: either the end date moved with its event, or the refusal and nothing else', async () => {
    const j = await (await Journey.start(cast)).driveTo('RUNNING');
    const { requestId } = await requestExtension(
      j.org,
      { taskId: j.taskId, requestedEndDate: '2028-12-31', reason: 'Cần thêm thời gian thử nghiệm.' },
      new Date('2028-03-01T02:00:00Z'),
    );
    const admin2 = await actorWith('DEPARTMENT_ADMIN');
    const version = await j.version();
    const before = await snapshot(j.taskId);
    const results = await Promise.allSettled([
      decideExtension(cast.admin, { requestId, version, approve: true, note: 'Đồng ý gia hạn.' }),
      decideExtension(admin2, { requestId, version, approve: false, note: 'Không đồng ý gia hạn.' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason;
    // The loser is told the request was decided meanwhile (or, for the approval, that the task changed).
    expect(lost instanceof ConflictError || (lost instanceof ValidationError && lost.messageKey === 'extensionDecided')).toBe(true);

    const approved = results[0].status === 'fulfilled';
    const request = await prisma.extensionRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: { status: true, decidedById: true },
    });
    expect(request).toEqual(approved ? { status: 'APPROVED', decidedById: cast.admin.id } : { status: 'REJECTED', decidedById: admin2.id });
    const task = await prisma.task.findUniqueOrThrow({ where: { id: j.taskId }, select: { endDate: true } });
    expect(task.endDate!.toISOString().slice(0, 10)).toBe(approved ? '2028-12-31' : '2028-06-30');
    const after = await snapshot(j.taskId);
    expect(after.events).toBe(before.events + (approved ? 1 : 0));
    expect(after.version).toBe(before.version + (approved ? 1 : 0));
    expect(await prisma.notification.count({ where: { taskId: j.taskId, kind: 'extensionDecided' } })).toBe(1);
  });
});

describe('a double submit of a write without a version', () => {
  it('stores one extension request, not two pending ones', async () => {
    const j = await (await Journey.start(cast)).driveTo('RUNNING');
    const ask = () =>
      requestExtension(
        j.org,
        { taskId: j.taskId, requestedEndDate: '2028-12-31', reason: 'Cần thêm thời gian thử nghiệm.' },
        new Date('2028-03-01T02:00:00Z'),
      );
    const e = oneStored(await Promise.allSettled([ask(), ask()]));
    expect(e.messageKey).toBe('extensionPending');
    expect(await prisma.extensionRequest.count({ where: { taskId: j.taskId } })).toBe(1);
    expect(await prisma.notification.count({ where: { taskId: j.taskId, kind: 'extensionRequested', userId: cast.admin.id } })).toBe(1);
  });

  it('stores one progress report for the period and answers the second with "already reported"', async () => {
    const j = await (await Journey.start(cast)).driveTo('RUNNING');
    const report = () =>
      submitProgressReport(j.org, {
        taskId: j.taskId,
        dueDate: '2027-03-15',
        workDone: 'Hoàn thành khảo sát hiện trạng.',
        productsSoFar: 'Báo cáo khảo sát',
        amountSpent: '1000000',
      });
    const e = oneStored(await Promise.allSettled([report(), report()]));
    expect(e.fieldErrors).toEqual({ dueDate: ['validation.reportExists'] });
    expect(await prisma.progressReport.count({ where: { taskId: j.taskId } })).toBe(1);
  });

  it('stores one ballot for a member who clicks "submit" twice, and locks it', async () => {
    const j = await Journey.start(cast);
    await j.submit();
    const [seat] = (await j.formCouncil('PROPOSAL')).seats;
    await j.declareNoConflict('PROPOSAL', [seat]);
    const vote = (necessity: number) =>
      saveBallot(seat.actor, {
        memberId: seat.memberId,
        submit: true,
        scores: { necessity, feasibility: 40, results: 30 },
        recommendation: 'APPROVE',
      });
    const results = await Promise.allSettled([vote(10), vote(11)]);
    const e = oneStored(results);
    expect(e.messageKey).toBe('ballotLocked');
    const ballots = await prisma.ballot.findMany({ where: { memberId: seat.memberId }, select: { status: true, totalScore: true } });
    expect(ballots).toEqual([{ status: 'SUBMITTED', totalScore: results[0].status === 'fulfilled' ? 80 : 81 }]);
  });
});

describe('a stale page', () => {
  it('refuses an edit made on the version before someone else saved, keeping the other edit', async () => {
    const j = await Journey.start(cast);
    const colleague = await login((await makeUser('ORGANIZATION', { organizationId: j.org.organizationId! })).email);
    const loaded = await j.version();
    await updateDraft(colleague, {
      taskId: j.taskId,
      version: loaded,
      ...fullContent({ title: 'Bản sửa của đồng nghiệp được lưu trước' }),
    });
    const before = await snapshot(j.taskId);

    const e = await caught(
      updateDraft(j.org, { taskId: j.taskId, version: loaded, ...fullContent({ title: 'Bản sửa trên trang cũ, phải bị từ chối' }) }),
    );
    expect(e).toBeInstanceOf(ConflictError);
    expect(e).toMatchObject({ code: 'CONFLICT' });
    expect(await snapshot(j.taskId)).toEqual(before);
    expect((await prisma.task.findUniqueOrThrow({ where: { id: j.taskId }, select: { title: true } })).title).toBe(
      'Bản sửa của đồng nghiệp được lưu trước',
    );
  });

  it('refuses a transition on a version that has moved on (a council was formed meanwhile), writing nothing', async () => {
    const j = await Journey.start(cast);
    await j.submit();
    const pageVersion = await j.version();
    await j.formCouncil('PROPOSAL');
    const before = await snapshot(j.taskId);
    expect(before.version).toBe(pageVersion + 1);

    for (const attempt of [
      () => returnTask(cast.staff, { taskId: j.taskId, version: pageVersion, comment: 'Trả lại trên trang đã cũ.' }),
      () => withdrawTask(j.org, { taskId: j.taskId, version: pageVersion, reason: 'Rút trên trang đã cũ.' }),
      () => startReview(cast.admin, { taskId: j.taskId, version: pageVersion }),
    ]) {
      const e = await caught(attempt());
      expect(e).toBeInstanceOf(ConflictError);
    }
    expect(await snapshot(j.taskId)).toEqual(before);
  });

  it('tells the user to reload when the status itself moved on (approve on a page that still showed UNDER_REVIEW)', async () => {
    const j = await (await Journey.start(cast)).driveTo('UNDER_REVIEW');
    const pageVersion = await j.version();
    await j.reject();
    const before = await snapshot(j.taskId);
    const e = await caught(
      approveTask(cast.admin, {
        taskId: j.taskId,
        version: pageVersion,
        decisionNo: '9/QĐ',
        decisionDate: '2027-02-01',
        approvedBudget: '1000000',
        approvedDurationMonths: 12,
      }),
    );
    expect(e).toBeInstanceOf(ConflictError);
    expect(await snapshot(j.taskId)).toEqual(before);
    expect(before).toMatchObject({ status: 'REJECTED', code: null });
  });
});
