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
import { getAttachmentFile, uploadAttachment } from '@/lib/attachments/service';
import { declareConflict, formCouncil, saveBallot } from '@/lib/councils/service';
import { createUrgentListedTask, openListedTasks } from '@/lib/lists/service';
import { decideSelection, formSelectionCouncil, getSelection } from '@/lib/selection/service';
import { actorWith } from '../support/fixtures';
import { caught, fullContent, makeEvaluator, pdf, positionsFor, uniq, versionOf } from '../support/lifecycle';

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
) {
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
      (await caught<ValidationError>(decideSelection(admin, { listedTaskId: listed, version: v, selectedTaskId: a, ...decision })))
        .messageKey,
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
    expect((await caught(decideSelection(staff, { listedTaskId: listed, version: v, selectedTaskId: a, ...decision }))).code).toBe(
      'FORBIDDEN',
    );
    const noReason = await caught<ValidationError>(
      decideSelection(admin, { listedTaskId: listed, version: v, selectedTaskId: b, ...decision }),
    );
    expect(noReason.fieldErrors.reason).toEqual(['validation.againstRecommendationReason']);
    const noDecision = await caught<ValidationError>(decideSelection(admin, { listedTaskId: listed, version: v, selectedTaskId: b }));
    expect(Object.keys(noDecision.fieldErrors).sort()).toEqual(['approvedBudget', 'approvedDurationMonths', 'decisionDate', 'decisionNo']);
    expect(await prisma.task.findUniqueOrThrow({ where: { id: b } })).toMatchObject({ status: 'UNDER_REVIEW' });

    const reason = 'Hồ sơ xếp thứ hai có phương án ứng dụng tại địa phương khả thi hơn; kinh phí thấp hơn.';
    await decideSelection(admin, { listedTaskId: listed, version: v, selectedTaskId: b, reason, ...decision }, AFTER);
    expect(await prisma.task.findUniqueOrThrow({ where: { id: b } })).toMatchObject({
      status: 'APPROVED',
      code: expect.stringMatching(/^KHCN-\d{4}-\d{3}$/),
      approvalDecisionNo: '1501/QĐ-SKHCN',
      approvedBudget: 1_100_000_000n,
      selectionRank: 2,
      selectionOf: 3,
    });
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
      decideSelection(admin, { listedTaskId: listed, version: v, selectedTaskId: a, ...decision }, AFTER),
      decideSelection(admin, { listedTaskId: listed, version: v, selectedTaskId: a, ...decision, decisionNo: '1502/QĐ-SKHCN' }, AFTER),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect((lost.reason as ConflictError).messageKey).toBe('staleRecord');
    expect(await prisma.task.count({ where: { listedTaskId: listed, status: 'APPROVED' } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityType: 'ListedTask', entityId: listed, action: 'listed.assign' } })).toBe(1);
  });

  it('when no dossier passes, none is selected and the listed task stays unassigned, to be put to a new notice', async () => {
    const { listed, a, b, c } = await judged();
    await score(listed, { [a]: POOR, [b]: POOR, [c]: POOR });
    const v = await listedVersion(listed);
    // Selecting a dossier that does not pass goes against the council: a reason is needed.
    expect(
      (await caught<ValidationError>(decideSelection(admin, { listedTaskId: listed, version: v, selectedTaskId: a, ...decision })))
        .fieldErrors.reason,
    ).toEqual(['validation.againstRecommendationReason']);
    await decideSelection(admin, { listedTaskId: listed, version: v }, AFTER);
    expect(await prisma.listedTask.findUniqueOrThrow({ where: { id: listed } })).toMatchObject({
      status: 'UNASSIGNED',
      selectionNote: null,
    });
    expect(await prisma.task.count({ where: { listedTaskId: listed, status: 'NOT_SELECTED' } })).toBe(3);
  });
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
