// The life of a task, driven through the real services as the real users (domain.md, "The life of a task").
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { declareConflict, getTaskCouncils, replaceMember, saveBallot } from '@/lib/councils/service';
import { decideExtension, reportPeriods, requestExtension, reviewProgressReport, submitProgressReport } from '@/lib/reports/service';
import { getTaskDossier, returnTask, terminateTask, updateDraft, withdrawTask } from '@/lib/tasks/service';
import { caught, eventsOf, fullContent, GOOD_VOTE, Journey, makeCast, makeEvaluator, POOR_VOTE, type Cast } from '../support/lifecycle';

let cast: Cast;
beforeAll(async () => {
  cast = await makeCast(7);
});

async function notified(kind: string, taskId: string) {
  const rows = await prisma.notification.findMany({ where: { kind, taskId }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

describe('the full life of a task, from draft to ACCEPTED', () => {
  it('passes every step with its event, code, council grade and notifications', async () => {
    const j = await Journey.start(cast);
    const { org, taskId } = j;
    const ev = cast.evaluators;

    await j.submit();
    expect(await notified('proposalSubmitted', taskId)).toEqual(expect.arrayContaining([cast.admin.id, cast.staff.id]));

    await j.formCouncil('PROPOSAL');
    expect((await notified('councilSeatAssigned', taskId)).sort()).toEqual(ev.map((e) => e.id).sort());
    await j.startReview();
    await j.declareNoConflict('PROPOSAL');
    await j.voteProposal([
      GOOD_VOTE,
      GOOD_VOTE,
      GOOD_VOTE,
      GOOD_VOTE,
      GOOD_VOTE,
      { ...GOOD_VOTE, recommendation: 'APPROVE_WITH_REVISIONS' },
      POOR_VOTE,
    ]);

    const [proposalCouncil] = await getTaskCouncils(cast.staff, taskId);
    expect(proposalCouncil.result).toMatchObject({
      stage: 'PROPOSAL',
      outcome: 'RECOMMEND_APPROVAL',
      meanScore: 74.29,
      approvals: 6,
      voters: 7,
    });

    await j.approve();
    const approved = await prisma.task.findUniqueOrThrow({
      where: { id: taskId },
      select: { code: true, status: true, approvedBudget: true, approvedDurationMonths: true, approvalDecisionDate: true },
    });
    expect(approved.code).toMatch(/^KHCN-2027-\d{3}$/);
    expect(approved).toMatchObject({ status: 'APPROVED', approvedBudget: 1_400_000_000n, approvedDurationMonths: 18 });
    expect(await notified('taskApproved', taskId)).toEqual([org.id]);
    expect((await prisma.council.findUniqueOrThrow({ where: { id: j.councils.PROPOSAL!.councilId } })).status).toBe('CLOSED');

    await j.contract();
    expect(await notified('contractSigned', taskId)).toEqual([org.id]);

    await j.requestAcceptance();
    expect(await notified('acceptanceRequested', taskId)).toEqual(expect.arrayContaining([cast.admin.id, cast.staff.id]));
    await j.formCouncil('ACCEPTANCE');
    await j.declareNoConflict('ACCEPTANCE');
    // 6 of 7 rate Excellent (≥ 3/4) and none Fail: Excellent.
    await j.voteAcceptance(['EXCELLENT', 'EXCELLENT', 'EXCELLENT', 'EXCELLENT', 'EXCELLENT', 'EXCELLENT', 'PASS']);
    await j.accept();

    const done = await prisma.task.findUniqueOrThrow({
      where: { id: taskId },
      select: { status: true, acceptanceGrade: true, closedAt: true, code: true, version: true },
    });
    expect(done).toMatchObject({ status: 'ACCEPTED', acceptanceGrade: 'EXCELLENT', code: approved.code });
    expect(done.closedAt).not.toBeNull();
    expect(await notified('taskAccepted', taskId)).toEqual([org.id]);

    const events = await eventsOf(taskId);
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['create', null, 'DRAFT'],
      ['submit', 'DRAFT', 'PROPOSED'],
      ['startReview', 'PROPOSED', 'UNDER_REVIEW'],
      ['approve', 'UNDER_REVIEW', 'APPROVED'],
      ['contract', 'APPROVED', 'RUNNING'],
      ['requestAcceptance', 'RUNNING', 'ACCEPTANCE_REVIEW'],
      ['accept', 'ACCEPTANCE_REVIEW', 'ACCEPTED'],
    ]);
    expect(events.map((e) => e.actorId)).toEqual([org.id, org.id, cast.staff.id, cast.admin.id, cast.staff.id, org.id, cast.admin.id]);

    // The host organization follows its task on the timeline, without councils, ballots or internal detail.
    const dossier = await getTaskDossier(org, taskId);
    expect(dossier.task.status).toBe('ACCEPTED');
    expect(dossier.events).toHaveLength(7);
    expect(dossier).not.toHaveProperty('councils');
    for (const e of dossier.events) {
      expect(e).not.toHaveProperty('internalNote');
      expect(e).not.toHaveProperty('actor');
    }
  });
});

describe('return for revision, then resubmit', () => {
  it('returns with a comment the organization sees, lets it edit, and records the resubmission', async () => {
    const j = await Journey.start(cast);
    await j.submit();
    const comment = 'Bổ sung dự toán chi tiết và làm rõ phương pháp khảo sát.';
    const r = await returnTask(cast.staff, { ...(await j.ref()), comment });
    expect(r.status).toBe('RETURNED');
    expect(await notified('taskReturned', j.taskId)).toEqual([j.org.id]);

    const orgView = await getTaskDossier(j.org, j.taskId);
    expect(orgView.events.at(-1)).toMatchObject({ action: 'return', fromStatus: 'PROPOSED', toStatus: 'RETURNED', note: comment });

    await updateDraft(j.org, {
      ...(await j.ref()),
      ...fullContent({ title: 'Nghiên cứu cảm biến IoT giám sát nước, bản đã sửa theo góp ý' }),
    });
    await j.upload('BUDGET_ESTIMATE', 'du-toan.pdf');
    const again = await j.submit();
    expect(again.status).toBe('PROPOSED');

    const events = await eventsOf(j.taskId);
    expect(events.slice(-2).map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['return', 'PROPOSED', 'RETURNED'],
      ['resubmit', 'RETURNED', 'PROPOSED'],
    ]);
    const task = await prisma.task.findUniqueOrThrow({ where: { id: j.taskId }, select: { title: true } });
    expect(task.title).toBe('Nghiên cứu cảm biến IoT giám sát nước, bản đã sửa theo góp ý');
    expect(await notified('proposalSubmitted', j.taskId)).toEqual(expect.arrayContaining([cast.staff.id]));
  });
});

describe('endings before the contract', () => {
  it('withdraws a proposal with the reason on the timeline, and the department is told', async () => {
    const j = await Journey.start(cast);
    await j.submit();
    const reason = 'Chủ nhiệm nhiệm vụ chuyển công tác, không thể thực hiện.';
    await withdrawTask(j.org, { ...(await j.ref()), reason });
    const task = await prisma.task.findUniqueOrThrow({ where: { id: j.taskId }, select: { status: true, closedAt: true } });
    expect(task.status).toBe('WITHDRAWN');
    expect(task.closedAt).not.toBeNull();
    expect((await eventsOf(j.taskId)).at(-1)).toMatchObject({
      action: 'withdraw',
      fromStatus: 'PROPOSED',
      toStatus: 'WITHDRAWN',
      note: reason,
      actorId: j.org.id,
    });
    expect(await notified('taskWithdrawn', j.taskId)).toEqual(expect.arrayContaining([cast.admin.id, cast.staff.id]));
  });

  it('rejects after a council that recommends rejection; no code is assigned', async () => {
    const j = await Journey.start(cast);
    await j.driveTo('UNDER_REVIEW', { proposalVotes: Array(7).fill(POOR_VOTE) });
    const [council] = await getTaskCouncils(cast.admin, j.taskId);
    expect(council.result).toMatchObject({ outcome: 'RECOMMEND_REJECTION', meanScore: 40 });
    await j.reject();
    const task = await prisma.task.findUniqueOrThrow({ where: { id: j.taskId }, select: { status: true, code: true } });
    expect(task).toEqual({ status: 'REJECTED', code: null });
    expect((await eventsOf(j.taskId)).at(-1)).toMatchObject({
      action: 'reject',
      fromStatus: 'UNDER_REVIEW',
      toStatus: 'REJECTED',
      note: 'Hội đồng đánh giá nội dung chưa đủ tính mới.',
    });
    expect((await prisma.council.findUniqueOrThrow({ where: { id: j.councils.PROPOSAL!.councilId } })).status).toBe('CLOSED');
    expect(await notified('taskRejected', j.taskId)).toEqual([j.org.id]);
  });

  it('gives each approved task its own code in sequence', async () => {
    const a = await (await Journey.start(cast)).driveTo('APPROVED');
    const b = await (await Journey.start(cast)).driveTo('APPROVED');
    const codes = await prisma.task.findMany({ where: { id: { in: [a.taskId, b.taskId] } }, select: { id: true, code: true } });
    const num = (id: string) => Number(codes.find((c) => c.id === id)!.code!.slice(-3));
    expect(num(b.taskId)).toBe(num(a.taskId) + 1);
  });
});

describe('acceptance outcomes', () => {
  it('records NOT_ACCEPTED when the acceptance council rates it Fail, and refuses to accept it', async () => {
    const j = await Journey.start(cast);
    await j.driveTo('ACCEPTANCE_REVIEW', { acceptanceRatings: ['FAIL', 'FAIL', 'FAIL', 'PASS', 'PASS', 'FAIL', 'FAIL'] });
    const refused = await caught<ValidationError>(j.accept());
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused.messageKey).toBe('gradeIsFail');
    expect(await j.status()).toBe('ACCEPTANCE_REVIEW');

    await j.fail();
    const task = await prisma.task.findUniqueOrThrow({ where: { id: j.taskId }, select: { status: true, acceptanceGrade: true } });
    expect(task).toEqual({ status: 'NOT_ACCEPTED', acceptanceGrade: 'FAIL' });
    expect((await eventsOf(j.taskId)).at(-1)).toMatchObject({
      action: 'fail',
      fromStatus: 'ACCEPTANCE_REVIEW',
      toStatus: 'NOT_ACCEPTED',
      note: 'Sản phẩm không đạt yêu cầu.',
    });
    expect(await notified('taskNotAccepted', j.taskId)).toEqual([j.org.id]);
  });

  it('refuses to record a failure when the acceptance council grades it Pass', async () => {
    const j = await Journey.start(cast);
    await j.driveTo('ACCEPTANCE_REVIEW', { acceptanceRatings: ['PASS', 'PASS', 'PASS', 'PASS', 'PASS', 'PASS', 'PASS'] });
    const refused = await caught<ValidationError>(j.fail());
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused.messageKey).toBe('gradeIsPass');
    expect(await j.status()).toBe('ACCEPTANCE_REVIEW');
  });

  it('grades a late acceptance dossier one level down (Excellent → Pass)', async () => {
    const j = await Journey.start(cast);
    // The contract ends 30/06/2028; the dossier is due by 30/07/2028 and arrives on 20/08/2028.
    await j.driveTo('ACCEPTANCE_REVIEW', { requestedAt: new Date('2028-08-20T03:00:00Z'), acceptanceRatings: Array(7).fill('EXCELLENT') });
    const councils = await getTaskCouncils(cast.admin, j.taskId);
    expect(councils.find((c) => c.stage === 'ACCEPTANCE')!.result).toMatchObject({
      late: true,
      gradeBeforeLateness: 'EXCELLENT',
      grade: 'PASS',
      downgradedForLateness: true,
    });
    expect((await getTaskDossier(j.org, j.taskId)).late).toBe(true);
    await j.accept();
    expect((await prisma.task.findUniqueOrThrow({ where: { id: j.taskId }, select: { acceptanceGrade: true } })).acceptanceGrade).toBe(
      'PASS',
    );
  });

  it('counts the 30 days in Vietnam time: 23:00 on the last day keeps the grade, 00:30 the next day loses a level', async () => {
    const onTime = await Journey.start(cast);
    // 30/07/2028 23:00 in Vietnam (16:00 UTC) is the 30th day after the end date 30/06/2028.
    await onTime.driveTo('ACCEPTED', { requestedAt: new Date('2028-07-30T16:00:00Z'), acceptanceRatings: Array(7).fill('EXCELLENT') });
    const late = await Journey.start(cast);
    // 31/07/2028 00:30 in Vietnam is still 30/07 in UTC: late all the same.
    await late.driveTo('ACCEPTED', { requestedAt: new Date('2028-07-30T17:30:00Z'), acceptanceRatings: Array(7).fill('EXCELLENT') });
    const grades = await prisma.task.findMany({
      where: { id: { in: [onTime.taskId, late.taskId] } },
      select: { id: true, acceptanceGrade: true },
    });
    expect(grades.find((g) => g.id === onTime.taskId)!.acceptanceGrade).toBe('EXCELLENT');
    expect(grades.find((g) => g.id === late.taskId)!.acceptanceGrade).toBe('PASS');
  });
});

describe('a running task', () => {
  it('is terminated by the department leader with a reason, closing it', async () => {
    const j = await (await Journey.start(cast)).driveTo('RUNNING');
    const reason = 'Tổ chức chủ trì không bảo đảm điều kiện thực hiện.';
    await terminateTask(cast.admin, { ...(await j.ref()), reason });
    const task = await prisma.task.findUniqueOrThrow({ where: { id: j.taskId }, select: { status: true, closedAt: true } });
    expect(task.status).toBe('TERMINATED');
    expect(task.closedAt).not.toBeNull();
    expect((await eventsOf(j.taskId)).at(-1)).toMatchObject({
      action: 'terminate',
      fromStatus: 'RUNNING',
      toStatus: 'TERMINATED',
      note: reason,
      actorId: cast.admin.id,
    });
    expect(await notified('taskTerminated', j.taskId)).toEqual([j.org.id]);
  });

  it('gets a later end date when the leader approves an extension request, with an "extend" event', async () => {
    const j = await (await Journey.start(cast)).driveTo('RUNNING');
    // End date 30/06/2028; asked on 01/03/2028 (more than 60 days before).
    const { requestId } = await requestExtension(
      j.org,
      { taskId: j.taskId, requestedEndDate: '2028-12-31', reason: 'Thời tiết bất thường làm chậm đợt thử nghiệm thứ hai.' },
      new Date('2028-03-01T02:00:00Z'),
    );
    expect(await notified('extensionRequested', j.taskId)).toEqual(expect.arrayContaining([cast.admin.id]));
    const before = await j.version();
    await decideExtension(cast.admin, { requestId, version: before, approve: true, note: 'Đồng ý gia hạn đến 31/12/2028.' });

    const task = await prisma.task.findUniqueOrThrow({
      where: { id: j.taskId },
      select: { status: true, endDate: true, originalEndDate: true, version: true },
    });
    expect(task.status).toBe('RUNNING');
    expect(task.endDate!.toISOString().slice(0, 10)).toBe('2028-12-31');
    expect(task.originalEndDate!.toISOString().slice(0, 10)).toBe('2028-06-30');
    expect(task.version).toBe(before + 1);
    expect((await eventsOf(j.taskId)).at(-1)).toMatchObject({
      action: 'extend',
      fromStatus: 'RUNNING',
      toStatus: 'RUNNING',
      note: 'Đồng ý gia hạn đến 31/12/2028.',
      actorId: cast.admin.id,
    });
    expect(
      await prisma.extensionRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, decidedById: true } }),
    ).toEqual({ status: 'APPROVED', decidedById: cast.admin.id });
    expect(await notified('extensionDecided', j.taskId)).toEqual([j.org.id]);

    // The acceptance deadline now runs from the extended end: 15/01/2029 is on time.
    await j.driveTo('ACCEPTANCE_REVIEW', { requestedAt: new Date('2029-01-15T03:00:00Z'), acceptanceRatings: Array(7).fill('EXCELLENT') });
  });

  it('refuses an extension request with a reason, leaving the end date alone', async () => {
    const j = await (await Journey.start(cast)).driveTo('RUNNING');
    const { requestId } = await requestExtension(
      j.org,
      { taskId: j.taskId, requestedEndDate: '2028-09-30', reason: 'Cần thêm thời gian hoàn thiện báo cáo tổng hợp.' },
      new Date('2028-03-01T02:00:00Z'),
    );
    const eventsBefore = (await eventsOf(j.taskId)).length;
    await decideExtension(cast.admin, { requestId, version: await j.version(), approve: false, note: 'Không đủ căn cứ gia hạn.' });
    const task = await prisma.task.findUniqueOrThrow({ where: { id: j.taskId }, select: { endDate: true } });
    expect(task.endDate!.toISOString().slice(0, 10)).toBe('2028-06-30');
    expect((await prisma.extensionRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('REJECTED');
    expect((await eventsOf(j.taskId)).length).toBe(eventsBefore);
  });

  it('takes a progress report for a due period, which the staff then review', async () => {
    const j = await (await Journey.start(cast)).driveTo('RUNNING');
    // Runs 15/01/2027 – 30/06/2028: reports due 15/03/2027, 15/09/2027, 15/03/2028.
    const periods = await reportPeriods(j.org, j.taskId);
    expect(periods.map((p) => [p.dueDate.toISOString().slice(0, 10), p.submitted])).toEqual([
      ['2027-03-15', false],
      ['2027-09-15', false],
      ['2028-03-15', false],
    ]);

    const { reportId } = await submitProgressReport(j.org, {
      taskId: j.taskId,
      dueDate: '2027-03-15',
      workDone: 'Hoàn thành khảo sát hiện trạng tại 3 hợp tác xã.',
      productsSoFar: 'Báo cáo khảo sát',
      amountSpent: '150.000.000',
    });
    expect(await notified('reportSubmitted', j.taskId)).toEqual(expect.arrayContaining([cast.staff.id]));
    expect((await reportPeriods(j.org, j.taskId))[0].submitted).toBe(true);

    // The same period twice: refused while the first awaits review.
    const dup = await caught<ValidationError>(
      submitProgressReport(j.org, {
        taskId: j.taskId,
        dueDate: '2027-03-15',
        workDone: 'Gửi lại báo cáo lần nữa.',
        productsSoFar: 'Không',
        amountSpent: '1',
      }),
    );
    expect(dup.fieldErrors).toEqual({ dueDate: ['validation.reportExists'] });

    await reviewProgressReport(cast.staff, { reportId, status: 'NEEDS_REVISION', note: 'Bổ sung chứng từ chi tiêu.' });
    expect(await notified('reportReviewed', j.taskId)).toEqual([j.org.id]);
    // Sent back: the organization answers the same period again, and the staff accept it.
    await submitProgressReport(j.org, {
      taskId: j.taskId,
      dueDate: '2027-03-15',
      workDone: 'Hoàn thành khảo sát, bổ sung chứng từ.',
      productsSoFar: 'Báo cáo khảo sát',
      amountSpent: '150.000.000',
    });
    await reviewProgressReport(cast.staff, { reportId, status: 'REVIEWED' });
    const report = await prisma.progressReport.findUniqueOrThrow({
      where: { id: reportId },
      select: { status: true, reviewedById: true, amountSpent: true },
    });
    expect(report).toEqual({ status: 'REVIEWED', reviewedById: cast.staff.id, amountSpent: 150_000_000n });
    const again = await caught<ValidationError>(reviewProgressReport(cast.staff, { reportId, status: 'REVIEWED' }));
    expect(again.messageKey).toBe('reportNotAwaitingReview');

    const orgView = await getTaskDossier(j.org, j.taskId);
    expect(orgView.reports).toEqual([expect.objectContaining({ id: reportId, status: 'REVIEWED' })]);
  });
});

describe('terminating before the end', () => {
  it('terminates an APPROVED task, and one under acceptance review, closing its acceptance council to further ballots', async () => {
    const approved = await (await Journey.start(cast)).driveTo('APPROVED');
    await terminateTask(cast.admin, { ...(await approved.ref()), reason: 'Không ký được hợp đồng do thiếu vốn đối ứng.' });
    expect((await eventsOf(approved.taskId)).at(-1)).toMatchObject({ action: 'terminate', fromStatus: 'APPROVED', toStatus: 'TERMINATED' });

    const j = await (await Journey.start(cast)).driveTo('RUNNING');
    await j.requestAcceptance();
    const { councilId, seats } = await j.formCouncil('ACCEPTANCE');
    await j.declareNoConflict('ACCEPTANCE');
    await terminateTask(cast.admin, { ...(await j.ref()), reason: 'Phát hiện sai phạm trong sử dụng kinh phí.' });
    expect(await j.status()).toBe('TERMINATED');
    expect((await prisma.council.findUniqueOrThrow({ where: { id: councilId } })).status).toBe('CLOSED');
    const e = await caught<ValidationError>(j.voteAcceptance(['PASS'], seats));
    expect(e.messageKey).toBe('councilClosed');
    expect(await prisma.ballot.count({ where: { member: { councilId } } })).toBe(0);
  });
});

describe('conflict of interest on a council', () => {
  it('recuses a member who declares a conflict, lets the staff replace them, and counts the quorum without them', async () => {
    const j = await Journey.start(cast);
    await j.submit();
    const { seats } = await j.formCouncil('PROPOSAL');
    const recused = seats[6];
    await declareConflict(recused.actor, {
      memberId: recused.memberId,
      hasConflict: true,
      reason: 'Là đồng tác giả với chủ nhiệm nhiệm vụ.',
    });
    expect(await notified('memberRecused', j.taskId)).toEqual(expect.arrayContaining([cast.staff.id, cast.admin.id]));
    expect(await caught(getTaskDossier(recused.actor, j.taskId))).toBeInstanceOf(NotFoundError);
    expect(
      await caught(
        saveBallot(recused.actor, {
          memberId: recused.memberId,
          submit: true,
          scores: { necessity: 10, feasibility: 40, results: 30 },
          recommendation: 'APPROVE',
        }),
      ),
    ).toBeInstanceOf(ForbiddenError);

    // Only a recused member is replaced, and only by an eligible evaluator.
    const fromHost = await makeEvaluator({ evaluatorOrganizationId: j.org.organizationId! });
    expect(
      (await caught<ValidationError>(replaceMember(cast.staff, { memberId: seats[0].memberId, userId: fromHost.id }))).messageKey,
    ).toBe('replaceOnlyRecused');
    expect(
      (await caught<ValidationError>(replaceMember(cast.staff, { memberId: recused.memberId, userId: fromHost.id }))).fieldErrors,
    ).toEqual({ userId: ['validation.ineligible.hostOrganization'] });
    expect(await caught(replaceMember(j.org, { memberId: recused.memberId, userId: fromHost.id }))).toBeInstanceOf(ForbiddenError);
    const substitute = await makeEvaluator();
    const { memberId } = await replaceMember(cast.staff, { memberId: recused.memberId, userId: substitute.id });
    expect(await notified('councilSeatAssigned', j.taskId)).toContain(substitute.id);

    await j.startReview();
    const sitting = [...seats.slice(0, 4), { actor: substitute, memberId, position: recused.position }];
    await j.declareNoConflict('PROPOSAL', sitting);
    await j.voteProposal(Array(5).fill(GOOD_VOTE), sitting);
    const [council] = await getTaskCouncils(cast.staff, j.taskId);
    // 8 seats, 1 recused: 7 count; 5 of 7 reach two thirds.
    expect(council.members).toHaveLength(8);
    expect(council.result.quorum).toEqual({ members: 7, submitted: 5, required: 5, met: true });
    await j.approve();
    expect(await j.status()).toBe('APPROVED');
  });
});

describe('a returned proposal and its council', () => {
  it('closes the proposal council on return, so the revised proposal is judged by a council of its own', async () => {
    const j = await Journey.start(cast);
    await j.submit();
    await j.formCouncil('PROPOSAL');
    await returnTask(cast.staff, { ...(await j.ref()), comment: 'Bổ sung phương pháp khảo sát.' });
    expect(await prisma.council.count({ where: { taskId: j.taskId, status: 'ACTIVE' } })).toBe(0);
    await j.submit();
    await j.formCouncil('PROPOSAL');
    expect(await prisma.council.count({ where: { taskId: j.taskId, stage: 'PROPOSAL' } })).toBe(2);
  });
});

describe('files of a reviewed progress report', () => {
  it('can no longer be added or removed once the department has reviewed the report', async () => {
    const j = await (await Journey.start(cast)).driveTo('RUNNING');
    const [first] = await reportPeriods(j.org, j.taskId);
    const { reportId } = await submitProgressReport(j.org, {
      taskId: j.taskId,
      dueDate: first.dueDate.toISOString().slice(0, 10),
      workDone: 'Hoàn thành khảo sát kỳ đầu.',
      productsSoFar: 'Số liệu',
      amountSpent: '1000000',
    });
    const { uploadAttachment, deleteAttachment } = await import('@/lib/attachments/service');
    const file = {
      taskId: j.taskId,
      kind: 'PROGRESS_REPORT',
      progressReportId: reportId,
      fileName: 'bao-cao-ky-1.pdf',
      bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF\n'),
    };
    const added = await uploadAttachment(j.org, file);
    await reviewProgressReport(cast.staff, { reportId, status: 'REVIEWED' });
    expect((await caught<ValidationError>(uploadAttachment(j.org, file))).messageKey).toBe('reportAlreadyReviewed');
    expect((await caught<ValidationError>(deleteAttachment(j.org, added.id))).messageKey).toBe('reportAlreadyReviewed');
    expect(await prisma.attachment.count({ where: { progressReportId: reportId } })).toBe(1);
  });
});

describe('a call limited to some fields of science', () => {
  it('refuses a submission in another field, on the field', async () => {
    const { createCall } = await import('@/lib/calls/service');
    const { callId } = await createCall(cast.staff, {
      title: 'Đợt đề xuất riêng lĩnh vực y, dược',
      year: 2027,
      fields: ['MEDICAL'],
      opensAt: '2026-01-01T08:00',
      closesAt: '2099-12-31T17:00',
    });
    const j = await Journey.start(cast, undefined, { callId, field: 'ENGINEERING' });
    const refused = await caught<ValidationError>(j.submit());
    expect(refused.fieldErrors).toEqual({ field: ['validation.fieldNotInCall'] });
    expect(await j.status()).toBe('DRAFT');
  });
});
