// The selection council of a listed task (domain.md phase 2 step 5): after the notice closes, one council judges
// every submitted dossier; the dossiers are ranked; the leader selects one (a decision against the council needs
// a reason) and the others end not selected, each organization told its own score and rank only.
// Real database, real logins.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import type { Actor } from '@/lib/server/actor';
import type { ConflictError, ValidationError } from '@/lib/server/errors';
import { createCall } from '@/lib/calls/service';
import { approveTask, createDraft, getTaskDossier, submitTask } from '@/lib/tasks/service';
import { listCouncilSeats, listOwnTasks } from '@/lib/tasks/queries';
import { deleteAttachment, getAttachmentFile, uploadAttachment } from '@/lib/attachments/service';
import { appraiseTask, approveAppraised, requireRevision, submitRevision } from '@/lib/tasks/appraisal';
import { declareConflict, formCouncil, saveBallot } from '@/lib/councils/service';
import { createUrgentListedTask, openListedTasks } from '@/lib/lists/service';
import { decideSelection, formSelectionCouncil, getSelection } from '@/lib/selection/service';
import { actorWith } from '../support/fixtures';
import { caught, fullContent, holdCouncilMeeting, makeEvaluator, pdf, positionsFor, uniq, versionOf } from '../support/lifecycle';

const YEAR = 2034;
const DAY = 86_400_000;
const OPENS = new Date(Date.now() - DAY);
const CLOSES = new Date(Date.now() + DAY);
const DURING = new Date(Date.now());
const AFTER = new Date(CLOSES.getTime() + 3_600_000);

let staff: Actor;
let admin: Actor;
let orgs: Actor[];
let panel: Actor[];

const at = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16); // Vietnam wall clock

/** A listed task put to selection in a fresh notice that closes tomorrow. */
async function listedInNotice(method: 'SELECTION' | 'DIRECT' = 'SELECTION', directTo?: Actor) {
  const { callId } = await createCall(staff, {
    kind: 'SELECTION',
    title: `Thông báo tuyển chọn năm ${YEAR} ${uniq()}`,
    year: YEAR,
    opensAt: at(OPENS),
    closesAt: at(CLOSES),
  });
  const { listedTaskId } = await createUrgentListedTask(admin, {
    planYear: YEAR,
    title: `Nhiệm vụ tuyển chọn kiểm thử ${uniq()}`,
    field: 'ENGINEERING',
    objectives: 'Mục tiêu của nhiệm vụ tuyển chọn.',
    products: 'Sản phẩm của nhiệm vụ tuyển chọn.',
    method,
    directOrganizationId: directTo?.organizationId ?? '',
    directReason: method === 'DIRECT' ? 'Tổ chức duy nhất có năng lực thực hiện.' : '',
    decisionNumber: '90/QĐ-UBND',
    decisionDate: `${YEAR - 1}-12-01`,
  });
  await openListedTasks(staff, { callId, listedTaskIds: [listedTaskId] }, OPENS);
  return listedTaskId;
}

async function submittedDossier(org: Actor, listedTaskId: string) {
  const { taskId } = await createDraft(org, fullContent({ listedTaskId }));
  await uploadAttachment(org, { taskId, kind: 'PROPOSAL_DOC', fileName: 'thuyet-minh.pdf', bytes: pdf() });
  await submitTask(org, { taskId, version: await versionOf(taskId) }, DURING);
  return taskId;
}

const listedVersion = async (id: string) => (await prisma.listedTask.findUniqueOrThrow({ where: { id } })).version;
const members = (n = 7) => panel.slice(0, n).map((a, i) => ({ userId: a.id, position: positionsFor(n)[i] }));

/** Every member declares no conflict on each dossier and scores it: totals[dossier] for all members. */
async function score(
  listedTaskId: string,
  totals: Record<string, { total: [number, number, number]; recommendation: string }>,
  voters = 7,
  { meet = true } = {},
) {
  // The council meets (once for all the listed task's dossiers), then scores.
  const council = await prisma.council.findFirstOrThrow({ where: { listedTaskId, status: 'ACTIVE' }, select: { id: true } });
  if (meet && (await prisma.councilMeeting.count({ where: { councilId: council.id } })) === 0) await holdCouncilMeeting(staff, council.id);
  for (const [taskId, vote] of Object.entries(totals)) {
    const seats = await prisma.councilMember.findMany({
      where: { council: { taskId, listedTaskId, status: 'ACTIVE' } },
      select: { id: true, userId: true },
    });
    for (const seat of seats.slice(0, voters)) {
      const actor = panel.find((p) => p.id === seat.userId)!;
      await declareConflict(actor, { memberId: seat.id, hasConflict: false });
      const [necessity, feasibility, results] = vote.total;
      await saveBallot(actor, {
        memberId: seat.id,
        submit: true,
        recommendation: vote.recommendation,
        comments: 'Nhận xét của thành viên hội đồng tuyển chọn.',
        scores: { necessity, feasibility, results },
      });
    }
  }
}

const GOOD = { total: [13, 44, 28] as [number, number, number], recommendation: 'APPROVE' }; // 85
const FAIR = { total: [12, 38, 25] as [number, number, number], recommendation: 'APPROVE' }; // 75
const POOR = { total: [5, 20, 15] as [number, number, number], recommendation: 'REJECT' }; // 40

const decision = {
  decisionNo: '1501/QĐ-SKHCN',
  decisionDate: `${YEAR}-02-01`,
  approvedBudget: '1.100.000.000',
  approvedDurationMonths: 18,
};
// What a decision on the listed task used to carry is no longer its to say: the approval follows the appraisal.
const approval = { decisionNo: '1501/QĐ-SKHCN', decisionDate: `${YEAR}-02-01` };

beforeAll(async () => {
  [staff, admin] = await Promise.all([actorWith('DEPARTMENT_STAFF'), actorWith('DEPARTMENT_ADMIN')]);
  orgs = await Promise.all([actorWith('ORGANIZATION'), actorWith('ORGANIZATION'), actorWith('ORGANIZATION')]);
  panel = await Promise.all(Array.from({ length: 7 }, () => makeEvaluator()));
});

describe('forming the selection council', () => {
  it('waits for the notice to close, refuses a member of a competing organization, then judges every dossier', async () => {
    const listed = await listedInNotice();
    const dossiers = [await submittedDossier(orgs[0], listed), await submittedDossier(orgs[1], listed)];
    const early = await caught<ValidationError>(
      formSelectionCouncil(staff, { listedTaskId: listed, version: await listedVersion(listed), members: members() }, DURING),
    );
    expect(early.messageKey).toBe('noticeStillOpen');

    const insider = await makeEvaluator({ evaluatorOrganizationId: orgs[1].organizationId! });
    const withInsider = [...members(6), { userId: insider.id, position: 'MEMBER' as const }];
    const refused = await caught<ValidationError>(
      formSelectionCouncil(staff, { listedTaskId: listed, version: await listedVersion(listed), members: withInsider }, AFTER),
    );
    expect(refused.fieldErrors[`member.${insider.id}`]).toEqual(['validation.ineligible.competingOrganization']);
    expect(await prisma.council.count({ where: { listedTaskId: listed } })).toBe(0);

    // A dossier's own council is refused: the listed task's dossiers are judged together.
    const own = await caught<ValidationError>(
      formCouncil(staff, { taskId: dossiers[0], version: await versionOf(dossiers[0]), stage: 'PROPOSAL', members: members() }),
    );
    expect(own.messageKey).toBe('useSelectionCouncil');

    await formSelectionCouncil(staff, { listedTaskId: listed, version: await listedVersion(listed), members: members() }, AFTER);
    for (const id of dossiers) {
      expect(await prisma.task.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'UNDER_REVIEW' });
      expect(await prisma.council.count({ where: { taskId: id, listedTaskId: listed, status: 'ACTIVE' } })).toBe(1);
    }
    // Each member sits once per dossier (and declares and scores each on its own).
    expect(await prisma.councilMember.count({ where: { userId: panel[0].id, council: { listedTaskId: listed } } })).toBe(2);
    const page = await getSelection(staff, listed, AFTER);
    expect(page.can).toMatchObject({ form: false, decide: false });
    expect((await caught(formSelectionCouncil(orgs[0], { listedTaskId: listed, version: 1, members: members() }, AFTER))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('a direct assignment is judged at once, without waiting for the notice', async () => {
    const listed = await listedInNotice('DIRECT', orgs[2]);
    const dossier = await submittedDossier(orgs[2], listed);
    await formSelectionCouncil(staff, { listedTaskId: listed, version: await listedVersion(listed), members: members() }, DURING);
    expect(await prisma.task.findUniqueOrThrow({ where: { id: dossier } })).toMatchObject({ status: 'UNDER_REVIEW' });
  });
});

describe("the leader's selection decision", () => {
  async function judged() {
    const listed = await listedInNotice();
    const [a, b, c] = [
      await submittedDossier(orgs[0], listed),
      await submittedDossier(orgs[1], listed),
      await submittedDossier(orgs[2], listed),
    ];
    await formSelectionCouncil(staff, { listedTaskId: listed, version: await listedVersion(listed), members: members() }, AFTER);
    return { listed, a, b, c };
  }

  it('ranks the dossiers; choosing another than the recommended one needs a reason; the others are told their own standing', async () => {
    const { listed, a, b, c } = await judged();
    await score(listed, { [a]: GOOD, [b]: FAIR });
    const v = await listedVersion(listed);
    // c has no ballots yet: no decision.
    expect(
      (await caught<ValidationError>(decideSelection(admin, { listedTaskId: listed, version: v, selectedTaskId: a }))).messageKey,
    ).toBe('selectionIncomplete');
    await score(listed, { [c]: POOR });
    const page = await getSelection(admin, listed, AFTER);
    expect(page.result).toMatchObject({ complete: true, recommendedTaskId: a, tie: false });
    expect(page.result.ranked.map((r) => [r.taskId, r.rank, r.passes])).toEqual([
      [a, 1, true],
      [b, 2, true],
      [c, 3, false],
    ]);
    expect(page.can.decide).toBe(true);

    // The per-dossier decision is refused; staff may not decide; approving b needs the reason.
    expect((await caught<ValidationError>(approveTask(admin, { taskId: a, version: await versionOf(a), ...decision }))).messageKey).toBe(
      'decideOnListedTask',
    );
    expect((await caught(decideSelection(staff, { listedTaskId: listed, version: v, selectedTaskId: a }))).code).toBe('FORBIDDEN');
    const noReason = await caught<ValidationError>(decideSelection(admin, { listedTaskId: listed, version: v, selectedTaskId: b }));
    expect(noReason.fieldErrors.reason).toEqual(['validation.againstRecommendationReason']);
    expect(await prisma.task.findUniqueOrThrow({ where: { id: b } })).toMatchObject({ status: 'UNDER_REVIEW' });

    const reason = 'Hồ sơ xếp thứ hai có phương án ứng dụng tại địa phương khả thi hơn; kinh phí thấp hơn.';
    await decideSelection(admin, { listedTaskId: listed, version: v, selectedTaskId: b, reason }, AFTER);
    // Selected, not yet approved: no code, no approved amount until the appraisal and the approval decision.
    expect(await prisma.task.findUniqueOrThrow({ where: { id: b } })).toMatchObject({
      status: 'SELECTED',
      code: null,
      approvedBudget: null,
      selectionRank: 2,
      selectionOf: 3,
    });
    expect(await prisma.notification.count({ where: { kind: 'taskSelected', taskId: b, userId: orgs[1].id } })).toBe(1);
    for (const [id, rank] of [
      [a, 1],
      [c, 3],
    ] as const)
      expect(await prisma.task.findUniqueOrThrow({ where: { id } })).toMatchObject({
        status: 'NOT_SELECTED',
        selectionRank: rank,
        selectionOf: 3,
      });
    expect(await prisma.listedTask.findUniqueOrThrow({ where: { id: listed } })).toMatchObject({
      status: 'ASSIGNED',
      selectionNote: reason,
    });
    expect(await prisma.council.count({ where: { listedTaskId: listed, status: 'ACTIVE' } })).toBe(0);
    // Each organization is told its own standing (score and rank, not how many competed), never the others'.
    const told = await prisma.notification.findMany({
      where: { kind: 'taskNotSelected', taskId: { in: [a, c] } },
      select: { userId: true, params: true, taskId: true },
    });
    expect(told.find((n) => n.userId === orgs[0].id)?.params).toMatchObject({ rank: 1, score: 85 });
    expect(told.find((n) => n.userId === orgs[2].id)?.params).toMatchObject({ rank: 3, score: 40 });
    expect(told.filter((n) => n.userId === orgs[0].id).every((n) => n.taskId === a)).toBe(true);
    expect(told.every((n) => !('of' in (n.params as object)))).toBe(true);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { entityType: 'ListedTask', entityId: listed, action: 'listed.assign' },
    });
    expect(audit.after).toMatchObject({ selectedTaskId: b, recommendedTaskId: a, againstRecommendation: true, reason });
  });

  it('two leaders deciding the same listed task at once: one wins, the other is told to reload', async () => {
    const { listed, a, b, c } = await judged();
    await score(listed, { [a]: GOOD, [b]: FAIR, [c]: POOR });
    const v = await listedVersion(listed);
    const results = await Promise.allSettled([
      decideSelection(admin, { listedTaskId: listed, version: v, selectedTaskId: a }, AFTER),
      decideSelection(admin, { listedTaskId: listed, version: v, selectedTaskId: b, reason: 'Lựa chọn khác của lãnh đạo thứ hai.' }, AFTER),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect((lost.reason as ConflictError).messageKey).toBe('staleRecord');
    expect(await prisma.task.count({ where: { listedTaskId: listed, status: 'SELECTED' } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityType: 'ListedTask', entityId: listed, action: 'listed.assign' } })).toBe(1);
  });

  it('waits for the selection council’s meeting, recorded once for all the dossiers', async () => {
    const { listed, a, b, c } = await judged();
    // Scores without a meeting: every result is there, the decision is not open.
    await score(listed, { [a]: GOOD, [b]: FAIR, [c]: POOR }, 7, { meet: false });
    const page = await getSelection(admin, listed, AFTER);
    expect(page.result.complete).toBe(true);
    expect(page.meetingValid).toBe(false);
    expect(page.can.decide).toBe(false);
    const v = await listedVersion(listed);
    expect(
      (await caught<ValidationError>(decideSelection(admin, { listedTaskId: listed, version: v, selectedTaskId: a }, AFTER))).messageKey,
    ).toBe('meetingNotValid');
    const council = await prisma.council.findFirstOrThrow({ where: { taskId: b, listedTaskId: listed }, select: { id: true } });
    await holdCouncilMeeting(staff, council.id);
    // One meeting, written to the council of each dossier.
    expect(await prisma.councilMeeting.count({ where: { council: { listedTaskId: listed } } })).toBe(3);
    expect((await getSelection(admin, listed, AFTER)).can.decide).toBe(true);
    await decideSelection(admin, { listedTaskId: listed, version: v, selectedTaskId: a }, AFTER);
    expect(await prisma.task.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ status: 'SELECTED' });
  });

  it('when no dossier passes, none is selected and the listed task stays unassigned, to be put to a new notice', async () => {
    const { listed, a, b, c } = await judged();
    await score(listed, { [a]: POOR, [b]: POOR, [c]: POOR });
    const v = await listedVersion(listed);
    // Selecting a dossier that does not pass goes against the council: a reason is needed.
    expect(
      (await caught<ValidationError>(decideSelection(admin, { listedTaskId: listed, version: v, selectedTaskId: a }))).fieldErrors.reason,
    ).toEqual(['validation.againstRecommendationReason']);
    await decideSelection(admin, { listedTaskId: listed, version: v }, AFTER);
    expect(await prisma.listedTask.findUniqueOrThrow({ where: { id: listed } })).toMatchObject({
      status: 'UNASSIGNED',
      selectionNote: null,
    });
    expect(await prisma.task.count({ where: { listedTaskId: listed, status: 'NOT_SELECTED' } })).toBe(3);
  });
});

describe('after the selection: revision per the council, appraisal, approval with the appraised amounts', () => {
  /** A direct assignment judged at once and selected: the dossier is SELECTED. */
  async function selected(org: Actor) {
    const listed = await listedInNotice('DIRECT', org);
    const taskId = await submittedDossier(org, listed);
    await formSelectionCouncil(staff, { listedTaskId: listed, version: await listedVersion(listed), members: members() }, DURING);
    await score(listed, { [taskId]: GOOD });
    await decideSelection(admin, { listedTaskId: listed, version: await listedVersion(listed), selectedTaskId: taskId }, DURING);
    return taskId;
  }
  const items = [
    { name: 'Thuê khoán chuyên môn', requested: '700.000.000', appraised: '650.000.000' },
    { name: 'Nguyên vật liệu, năng lượng', requested: '300.000.000', appraised: '250.000.000' },
  ];
  const remarks = 'Nội dung phù hợp mục tiêu đặt hàng; điều chỉnh giảm khối lượng thí nghiệm lặp lại.';

  it('the department requires a revision; the organization sends it back only with a revised detailed proposal', async () => {
    const taskId = await selected(orgs[0]);
    const judgedFile = await prisma.attachment.findFirstOrThrow({ where: { taskId, kind: 'PROPOSAL_DOC' }, select: { id: true } });
    // The organization cannot ask for its own revision; the note is required.
    expect((await caught(requireRevision(orgs[0], { taskId, version: await versionOf(taskId), note: 'Tự yêu cầu.' }))).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await caught<ValidationError>(requireRevision(staff, { taskId, version: await versionOf(taskId), note: '' }))).fieldErrors,
    ).toHaveProperty('note');
    const note = 'Hoàn thiện thuyết minh: bổ sung phương án chuyển giao cho các hợp tác xã theo kết luận của hội đồng.';
    await requireRevision(staff, { taskId, version: await versionOf(taskId), note });
    expect(await prisma.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ status: 'REVISING', revisionNote: note });
    expect(await prisma.notification.count({ where: { kind: 'taskRevisionRequired', taskId, userId: orgs[0].id } })).toBe(1);

    // Another organization: not even there. Without a new detailed proposal: refused, on the files.
    expect((await caught(submitRevision(orgs[1], { taskId, version: await versionOf(taskId) }))).code).toBe('NOT_FOUND');
    const bare = await caught<ValidationError>(submitRevision(orgs[0], { taskId, version: await versionOf(taskId) }));
    expect(bare.fieldErrors.attachments).toEqual(['validation.revisedProposalMissing']);
    // The file the council judged stays on the record.
    expect((await caught<ValidationError>(deleteAttachment(orgs[0], judgedFile.id))).messageKey).toBe('attachmentJudgedKept');
    await uploadAttachment(orgs[0], { taskId, kind: 'PROPOSAL_DOC', fileName: 'thuyet-minh-hoan-thien.pdf', bytes: pdf() });
    await submitRevision(orgs[0], { taskId, version: await versionOf(taskId) });
    expect(await prisma.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({
      status: 'SELECTED',
      revisedAt: expect.any(Date),
    });
    expect(await prisma.attachment.count({ where: { taskId, kind: 'PROPOSAL_DOC' } })).toBe(2);
    expect(await prisma.taskEvent.findMany({ where: { taskId }, orderBy: { createdAt: 'asc' }, select: { action: true } })).toEqual(
      ['create', 'submit', 'startReview', 'select', 'requireRevision', 'submitRevision'].map((action) => ({ action })),
    );
  });

  it('the appraisal sets the state budget item by item, above the request only with a reason; the approval takes its amounts', async () => {
    const taskId = await selected(orgs[1]);
    const requested = (await prisma.task.findUniqueOrThrow({ where: { id: taskId }, select: { budgetState: true } })).budgetState!;
    const base = { taskId, contentRemarks: remarks, approvedDurationMonths: 15 };
    // Bad input: nothing stored, the message on the field.
    const none = await caught<ValidationError>(appraiseTask(staff, { ...base, version: await versionOf(taskId), items: [] }));
    expect(none.fieldErrors.items).toEqual(['validation.appraisalItems']);
    const negative = await caught<ValidationError>(
      appraiseTask(staff, { ...base, version: await versionOf(taskId), items: [{ name: 'Chi khác', requested: '1', appraised: '-5' }] }),
    );
    expect(negative.fieldErrors['items.0.appraised']).toEqual(['validation.moneyNegative']);
    const above = [{ name: 'Thuê khoán chuyên môn', requested: String(requested), appraised: String(requested + 1_000_000n) }];
    const noReason = await caught<ValidationError>(appraiseTask(staff, { ...base, version: await versionOf(taskId), items: above }));
    expect(noReason.fieldErrors.overRequestReason).toEqual(['validation.appraisalAboveRequest']);
    expect((await caught(appraiseTask(orgs[1], { ...base, version: await versionOf(taskId), items }))).code).toBe('FORBIDDEN');
    expect(await prisma.appraisal.count({ where: { taskId } })).toBe(0);
    expect(await prisma.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ status: 'SELECTED' });

    await appraiseTask(staff, { ...base, version: await versionOf(taskId), items });
    expect(await prisma.appraisal.findUniqueOrThrow({ where: { taskId } })).toMatchObject({
      approvedStateBudget: 900_000_000n,
      requestedStateBudget: requested,
      approvedDurationMonths: 15,
      overRequestReason: null,
    });
    // The organization sees the appraisal on its dossier; a competitor does not reach it.
    expect((await getTaskDossier(orgs[1], taskId)).task.appraisal).toMatchObject({ approvedStateBudget: 900_000_000n });
    expect((await caught(getTaskDossier(orgs[0], taskId))).code).toBe('NOT_FOUND');

    // Approval: not with typed amounts, not by staff; the leader's decision takes the appraisal's amounts.
    expect((await caught<ValidationError>(approveTask(admin, { taskId, version: await versionOf(taskId), ...decision }))).messageKey).toBe(
      'approveWithAppraisal',
    );
    expect((await caught(approveAppraised(staff, { taskId, version: await versionOf(taskId), ...approval }))).code).toBe('FORBIDDEN');
    await approveAppraised(admin, { taskId, version: await versionOf(taskId), ...approval });
    expect(await prisma.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({
      status: 'APPROVED',
      code: expect.stringMatching(/^KHCN-\d{4}-\d{3}$/),
      approvalDecisionNo: '1501/QĐ-SKHCN',
      approvedBudget: 900_000_000n,
      approvedDurationMonths: 15,
    });
  });

  it('an appraisal above the request is kept with its reason', async () => {
    const taskId = await selected(orgs[2]);
    const requested = (await prisma.task.findUniqueOrThrow({ where: { id: taskId }, select: { budgetState: true } })).budgetState!;
    const overRequestReason = 'Bổ sung thiết bị đo theo yêu cầu của hội đồng, không có trong dự toán ban đầu.';
    await appraiseTask(staff, {
      taskId,
      version: await versionOf(taskId),
      contentRemarks: remarks,
      approvedDurationMonths: 18,
      items: [{ name: 'Thiết bị, máy móc', requested: String(requested), appraised: String(requested + 50_000_000n) }],
      overRequestReason,
    });
    expect(await prisma.appraisal.findUniqueOrThrow({ where: { taskId } })).toMatchObject({
      approvedStateBudget: requested + 50_000_000n,
      overRequestReason,
    });
  });
});

describe('access matrix of the steps after the selection (role x relationship x action)', () => {
  // Each call on a fresh dossier of `own` (orgs[0]) in the status the step starts from. member = a member of its
  // selection council (declared no conflict, the council now closed); outsider = an evaluator on no council of it.
  type Who = 'admin' | 'staff' | 'own' | 'other' | 'member' | 'outsider';
  const WHO: Who[] = ['admin', 'staff', 'own', 'other', 'member', 'outsider'];
  let outsider: Actor;
  beforeAll(async () => {
    outsider = await makeEvaluator();
  });
  const actor = (w: Who): Actor => ({ admin, staff, own: orgs[0], other: orgs[1], member: panel[0], outsider })[w];

  async function selectedOfOwn() {
    const listed = await listedInNotice('DIRECT', orgs[0]);
    const taskId = await submittedDossier(orgs[0], listed);
    await formSelectionCouncil(staff, { listedTaskId: listed, version: await listedVersion(listed), members: members() }, DURING);
    await score(listed, { [taskId]: GOOD });
    await decideSelection(admin, { listedTaskId: listed, version: await listedVersion(listed), selectedTaskId: taskId }, DURING);
    return taskId;
  }
  const appraisal = (taskId: string, version: number) => ({
    taskId,
    version,
    contentRemarks: 'Nội dung phù hợp mục tiêu đặt hàng của tỉnh.',
    approvedDurationMonths: 12,
    items: [{ name: 'Thuê khoán chuyên môn', requested: '500.000.000', appraised: '480.000.000' }],
  });
  const ROWS: {
    action: string;
    outcome: Record<Who, 'ok' | '403' | '404'>;
    prepare: (taskId: string) => Promise<void>;
    run: (a: Actor, taskId: string) => Promise<unknown>;
    to: string;
  }[] = [
    {
      action: 'requireRevision',
      outcome: { admin: 'ok', staff: 'ok', own: '403', other: '404', member: '403', outsider: '404' },
      prepare: async () => {},
      run: async (a, taskId) => requireRevision(a, { taskId, version: await versionOf(taskId), note: 'Hoàn thiện theo kết luận.' }),
      to: 'REVISING',
    },
    {
      action: 'submitRevision',
      outcome: { admin: '403', staff: '403', own: 'ok', other: '404', member: '403', outsider: '404' },
      prepare: async (taskId) => {
        await requireRevision(staff, { taskId, version: await versionOf(taskId), note: 'Hoàn thiện theo kết luận.' });
        await uploadAttachment(orgs[0], { taskId, kind: 'PROPOSAL_DOC', fileName: 'hoan-thien.pdf', bytes: pdf() });
      },
      run: async (a, taskId) => submitRevision(a, { taskId, version: await versionOf(taskId) }),
      to: 'SELECTED',
    },
    {
      action: 'appraiseTask',
      outcome: { admin: 'ok', staff: 'ok', own: '403', other: '404', member: '403', outsider: '404' },
      prepare: async () => {},
      run: async (a, taskId) => appraiseTask(a, appraisal(taskId, await versionOf(taskId))),
      to: 'APPRAISED',
    },
    {
      action: 'approveAppraised',
      outcome: { admin: 'ok', staff: '403', own: '403', other: '404', member: '403', outsider: '404' },
      prepare: async (taskId) => {
        await appraiseTask(staff, appraisal(taskId, await versionOf(taskId)));
      },
      run: async (a, taskId) => approveAppraised(a, { taskId, version: await versionOf(taskId), ...approval }),
      to: 'APPROVED',
    },
  ];
  for (const row of ROWS) {
    for (const who of WHO) {
      it(`${row.action} as ${who}: ${row.outcome[who]}`, async () => {
        const taskId = await selectedOfOwn();
        await row.prepare(taskId);
        const before = await prisma.task.findUniqueOrThrow({ where: { id: taskId }, select: { status: true, version: true } });
        const events = await prisma.taskEvent.count({ where: { taskId } });
        const expected = row.outcome[who];
        if (expected === 'ok') {
          await row.run(actor(who), taskId);
          expect(await prisma.task.findUniqueOrThrow({ where: { id: taskId }, select: { status: true } })).toEqual({ status: row.to });
          return;
        }
        expect((await caught(row.run(actor(who), taskId))).code).toBe(expected === '404' ? 'NOT_FOUND' : 'FORBIDDEN');
        expect(await prisma.task.findUniqueOrThrow({ where: { id: taskId }, select: { status: true, version: true } })).toEqual(before);
        expect(await prisma.taskEvent.count({ where: { taskId } })).toBe(events);
      });
    }
  }
});

describe('what competitors and council members of another listed task can reach', () => {
  it('nothing of another dossier: reading, its files, its score; a member of one listed task reads no dossier of another', async () => {
    const listed = await listedInNotice();
    const [a, b] = [await submittedDossier(orgs[0], listed), await submittedDossier(orgs[1], listed)];
    const fileOfA = await prisma.attachment.findFirstOrThrow({ where: { taskId: a }, select: { id: true } });
    // The competitor: neither the dossier, nor its file, nor its place in the ranking.
    expect((await caught(getTaskDossier(orgs[1], a))).code).toBe('NOT_FOUND');
    expect((await caught(getAttachmentFile(orgs[1], fileOfA.id))).code).toBe('NOT_FOUND');
    expect((await caught(getSelection(orgs[1], listed, AFTER))).code).toBe('FORBIDDEN');
    expect((await listOwnTasks(orgs[1])).rows.map((r) => r.id)).not.toContain(a);

    // A member of this listed task's council, declared on its seats, reads its dossiers; another's stay closed.
    await formSelectionCouncil(staff, { listedTaskId: listed, version: await listedVersion(listed), members: members() }, AFTER);
    const other = await listedInNotice();
    const c = await submittedDossier(orgs[2], other);
    const member = panel[0];
    const seat = await prisma.councilMember.findFirstOrThrow({
      where: { userId: member.id, council: { taskId: b, listedTaskId: listed } },
    });
    await declareConflict(member, { memberId: seat.id, hasConflict: false });
    expect((await getTaskDossier(member, b)).task.id).toBe(b);
    // Its seats, one per dossier of the same name, are told apart by the host organization.
    const seats = (await listCouncilSeats(member)).filter((s) => s.council.task.id === a || s.council.task.id === b);
    expect(seats.map((s) => s.council.task.hostOrganization?.name).sort()).toEqual(
      (
        await prisma.organization.findMany({
          where: { id: { in: [orgs[0].organizationId!, orgs[1].organizationId!] } },
          select: { name: true },
        })
      )
        .map((o) => o.name)
        .sort(),
    );
    expect((await caught(getTaskDossier(member, c))).code).toBe('NOT_FOUND');
    expect((await caught(getSelection(member, listed, AFTER))).code).toBe('FORBIDDEN');
  });
});
