import 'server-only';
import { prisma, type Tx } from '@/lib/server/db';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { idOrNotFound, parseInput } from '@/lib/server/validation';
import type { Actor } from '@/lib/server/actor';
import { can } from '@/lib/domain/permissions';
import { LISTED_MACHINE } from '@/lib/domain/listed-task-workflow';
import { againstRecommendation, selectionResult, type SelectionResult } from '@/lib/domain/selection';
import type { TaskParties } from '@/lib/domain/council-rules';
import { recordAudit } from '@/lib/audit/record';
import { notify, organizationRecipients } from '@/lib/notifications/service';
import { getSettings } from '@/lib/settings/service';
import { checkedMembers, evaluatorPool } from '@/lib/councils/composition';
import { councilResult } from '@/lib/councils/result';
import { createCouncil, taskParties } from '@/lib/councils/service';
import { councilMeetings, meetingViews } from '@/lib/councils/meetings';
import { applyTransition, lockTask } from '@/lib/workflow/transition';
import { ZDecideSelection, ZFormSelectionCouncil } from './schemas';

// The selection council of a listed task (hội đồng tư vấn tuyển chọn, giao trực tiếp; domain.md phase 2 step 5):
// once the notice has closed (at once for a direct assignment), the department forms one council for all the
// submitted dossiers of the listed task: one council per dossier with the same members, so each member declares
// and scores each dossier on its own (a member of any competing organization cannot sit). The dossiers are ranked
// (lib/domain/selection.ts); the leader selects one (then revised if required, appraised and approved, on the task)
// and the others end not selected, each organization told its own score and rank only; or none, and the listed
// task stays unassigned.

function assertManager(actor: Actor) {
  if (!can(actor.role, 'councils.manage')) throw new ForbiddenError();
}

/** The submitted dossiers of a listed task still in the running, and their selection councils. */
async function dossiersOf(db: Tx | typeof prisma, listedTaskId: string) {
  return db.task.findMany({
    where: { listedTaskId, status: { in: ['PROPOSED', 'UNDER_REVIEW'] } },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      title: true,
      status: true,
      version: true,
      submittedAt: true,
      budgetTotal: true,
      durationMonths: true,
      hostOrganization: { select: { name: true } },
      councils: {
        where: { stage: 'PROPOSAL', status: 'ACTIVE', listedTaskId },
        select: {
          id: true,
          members: { select: { id: true, position: true, conflictStatus: true, user: { select: { id: true, name: true } } } },
        },
      },
    },
  });
}

/** The ranking of the dossiers, and whether the council's meeting was valid for every one of them. */
async function resultsOf(
  db: Tx | typeof prisma,
  dossiers: Awaited<ReturnType<typeof dossiersOf>>,
): Promise<{ result: SelectionResult; meetingValid: boolean }> {
  const results = await Promise.all(
    dossiers.map(async (d) => {
      const council = d.councils[0];
      if (!council) return { taskId: d.id, meanScore: null, outcome: null, meetingValid: false };
      const r = await councilResult(council.id, db);
      return r.stage === 'PROPOSAL'
        ? { taskId: d.id, meanScore: r.meanScore, outcome: r.outcome, meetingValid: r.meeting.valid }
        : { taskId: d.id, meanScore: null, outcome: null, meetingValid: false };
    }),
  );
  return {
    result: selectionResult(results.map(({ meetingValid: _, ...r }) => r)),
    meetingValid: results.length > 0 && results.every((r) => r.meetingValid),
  };
}

/** The selection of one listed task for the department: its dossiers, council, ranking and what may be done now. */
export async function getSelection(actor: Actor, rawId: string, now = new Date()) {
  assertManager(actor);
  const id = idOrNotFound(rawId);
  const listed = await prisma.listedTask.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      title: true,
      status: true,
      version: true,
      method: true,
      planYear: true,
      objectives: true,
      products: true,
      budgetEstimate: true,
      durationMonths: true,
      selectionNote: true,
      selectedAt: true,
      directOrganization: { select: { name: true } },
      call: { select: { id: true, title: true, closesAt: true } },
      program: { select: { code: true, name: true } },
    },
  });
  if (!listed) throw new NotFoundError();
  const [dossiers, decided] = await Promise.all([
    dossiersOf(prisma, id),
    prisma.task.findMany({
      where: { listedTaskId: id, status: { notIn: ['DRAFT', 'PROPOSED', 'UNDER_REVIEW', 'WITHDRAWN'] } },
      orderBy: [{ selectionRank: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        title: true,
        status: true,
        selectionScore: true,
        selectionRank: true,
        selectionOf: true,
        hostOrganization: { select: { name: true } },
      },
    }),
  ]);
  const { result, meetingValid } = await resultsOf(prisma, dossiers);
  const councilFormed = dossiers.some((d) => d.councils.length > 0);
  // The selection council's meetings (written to each dossier's council): shown from the first one's.
  const firstCouncil = dossiers.find((d) => d.councils.length)?.councils[0] ?? null;
  const [meetings, settings] = await Promise.all([
    firstCouncil ? councilMeetings(prisma, firstCouncil.id) : Promise.resolve([]),
    getSettings(),
  ]);
  // Expected at the meeting: every member not recused on some dossier (as recordMeeting counts them).
  const seated = [
    ...new Map(
      dossiers
        .flatMap((d) => d.councils[0]?.members ?? [])
        .filter((m) => m.conflictStatus !== 'CONFLICT')
        .map((m) => [m.user.id, m]),
    ).values(),
  ];
  const noticeOpen = !!listed.call && listed.method === 'SELECTION' && now <= listed.call.closesAt;
  const proposed = dossiers.filter((d) => d.status === 'PROPOSED');
  return {
    listed,
    dossiers: dossiers.map((d) => ({ ...d, ranked: result.ranked.find((r) => r.taskId === d.id) ?? null })),
    decided,
    result,
    members: firstCouncil?.members ?? [],
    meetingValid,
    meetings: meetingViews(
      meetings,
      (firstCouncil?.members ?? []).map((m) => ({
        userId: m.user.id,
        name: m.user.name,
        position: m.position,
        seated: m.conflictStatus !== 'CONFLICT',
      })),
      settings,
    ),
    meetingForm:
      firstCouncil && listed.status === 'OPEN'
        ? { councilId: firstCouncil.id, seats: seated.map((m) => ({ userId: m.user.id, name: m.user.name, position: m.position })) }
        : null,
    can: {
      form: listed.status === 'OPEN' && !councilFormed && proposed.length > 0 && !noticeOpen,
      decide:
        listed.status === 'OPEN' &&
        councilFormed &&
        dossiers.every((d) => d.status === 'UNDER_REVIEW' && d.councils.length > 0) &&
        meetingValid &&
        LISTED_MACHINE.check('OPEN', 'assign', actor.role).ok,
    },
    noticeOpen,
  };
}

export type SelectionPage = Awaited<ReturnType<typeof getSelection>>;

/** Everyone barred from judging any of the dossiers: their hosts, partners, investigators, teams, the recused. */
function unionParties(all: TaskParties[]): TaskParties {
  return {
    hostOrganizationId: '',
    partnerOrganizationIds: [],
    competingOrganizationIds: [...new Set(all.flatMap((p) => [p.hostOrganizationId, ...p.partnerOrganizationIds]))],
    piEmail: null,
    piName: null,
    teamNames: all.flatMap((p) => [...p.teamNames, ...(p.piName ? [p.piName] : [])]),
    recusedUserIds: [...new Set(all.flatMap((p) => p.recusedUserIds))],
  };
}

/**
 * Forms the selection council of a listed task over its submitted dossiers: after the notice has closed (a direct
 * assignment at once), members checked against every dossier's parties, one council per dossier with the same
 * members, each dossier moved to review. Under the listed task's and the dossiers' locks, naming its version.
 */
export async function formSelectionCouncil(actor: Actor, raw: unknown, now = new Date()) {
  assertManager(actor);
  const input = parseInput(ZFormSelectionCouncil, raw);
  const settings = await getSettings();
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "ListedTask" WHERE "id" = ${input.listedTaskId} FOR UPDATE`;
    const listed = await tx.listedTask.findUnique({
      where: { id: input.listedTaskId },
      select: { id: true, status: true, version: true, method: true, title: true, call: { select: { closesAt: true } } },
    });
    if (!listed) throw new NotFoundError();
    if (listed.version !== input.version) throw new ConflictError('staleRecord');
    if (listed.status !== 'OPEN')
      throw new ValidationError('transitionNotAllowed', {}, { action: 'formSelectionCouncil', status: listed.status });
    if (listed.method === 'SELECTION' && listed.call && now <= listed.call.closesAt) throw new ValidationError('noticeStillOpen');
    const ids = (await tx.task.findMany({ where: { listedTaskId: listed.id, status: 'PROPOSED' }, select: { id: true } }))
      .map((t) => t.id)
      .sort();
    for (const id of ids) await lockTask(tx, id);
    const dossiers = await tx.task.findMany({
      where: { id: { in: ids }, status: 'PROPOSED' },
      select: { id: true, version: true, title: true, councils: { where: { stage: 'PROPOSAL', status: 'ACTIVE' }, select: { id: true } } },
    });
    if (dossiers.length === 0) throw new ValidationError('noDossiers');
    if (dossiers.some((d) => d.councils.length)) throw new ConflictError('councilExists');
    const parties = await Promise.all(dossiers.map((d) => taskParties(d.id, tx)));
    const candidates = await checkedMembers(tx, input.members, unionParties(parties), settings);
    const meetingAt = input.meetingAt ?? null;
    for (const d of dossiers) {
      await createCouncil(tx, actor, { taskId: d.id, stage: 'PROPOSAL', candidates, meetingAt, title: d.title, listedTaskId: listed.id });
      await applyTransition(tx, actor, { taskId: d.id, version: d.version }, 'startReview', () => ({}));
    }
    await tx.listedTask.update({ where: { id: listed.id }, data: { version: { increment: 1 } } });
    await recordAudit(tx, actor, {
      action: 'selection.form',
      entityType: 'ListedTask',
      entityId: listed.id,
      after: { dossiers: dossiers.map((d) => d.id), members: candidates.map((c) => ({ userId: c.userId, position: c.position })) },
    });
    return { listedTaskId: listed.id, dossiers: dossiers.length };
  });
}

/**
 * The leader's selection decision, once every dossier has a valid result: the selected dossier is SELECTED (its
 * revision, appraisal and approval follow) and the listed task is assigned; every other dossier ends not
 * selected; with none selected, all end not selected and the listed task stays unassigned (it may be put to a new
 * notice). Against the council's recommendation the reason is required and kept. Each organization is told its
 * own score and rank only. One transaction, naming the listed task's version: two leaders at once, one wins.
 */
export async function decideSelection(actor: Actor, raw: unknown, now = new Date()) {
  assertManager(actor);
  const input = parseInput(ZDecideSelection, raw);
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "ListedTask" WHERE "id" = ${input.listedTaskId} FOR UPDATE`;
    const listed = await tx.listedTask.findUnique({ where: { id: input.listedTaskId }, select: { id: true, status: true, version: true } });
    if (!listed) throw new NotFoundError();
    const move = LISTED_MACHINE.check(listed.status, input.selectedTaskId ? 'assign' : 'leaveUnassigned', actor.role);
    if (!move.ok && move.reason === 'roleNotAllowed') throw new ForbiddenError('transitionRole');
    if (listed.version !== input.version) throw new ConflictError('staleRecord');
    if (!move.ok) throw new ValidationError('transitionNotAllowed', {}, { action: 'decideSelection', status: listed.status });
    const dossiers = await dossiersOf(tx, listed.id);
    for (const d of [...dossiers].sort((a, b) => a.id.localeCompare(b.id))) await lockTask(tx, d.id);
    if (dossiers.length === 0 || dossiers.some((d) => d.status !== 'UNDER_REVIEW' || d.councils.length === 0))
      throw new ValidationError('councilRequired');
    const { result, meetingValid } = await resultsOf(tx, dossiers);
    if (!result.complete) throw new ValidationError('selectionIncomplete');
    if (!meetingValid) throw new ValidationError('meetingNotValid');
    const selected = input.selectedTaskId ?? null;
    if (selected && !dossiers.some((d) => d.id === selected))
      throw new ValidationError('invalidInput', { selectedTaskId: ['validation.choose'] });
    const against = againstRecommendation(result, selected);
    if (against && (!input.reason || input.reason.length < 5))
      throw new ValidationError('invalidInput', { reason: ['validation.againstRecommendationReason'] });
    const of = dossiers.length;
    for (const d of dossiers) {
      const ranked = result.ranked.find((r) => r.taskId === d.id)!;
      const standing = { selectionScore: ranked.meanScore, selectionRank: ranked.rank, selectionOf: of };
      const ref = { taskId: d.id, version: d.version };
      if (d.id === selected) {
        // Selected (trúng tuyển): its council's work is done; revision, appraisal and approval follow on the task.
        await applyTransition(
          tx,
          actor,
          ref,
          'select',
          async () => {
            await tx.council.update({ where: { id: d.councils[0].id }, data: { status: 'CLOSED', closedAt: now } });
            return { data: standing, internalNote: against ? (input.reason ?? null) : null };
          },
          async (task) => {
            await notify(tx, await organizationRecipients(tx, task.hostOrganizationId), 'taskSelected', task.id, { title: task.title });
          },
        );
      } else {
        await applyTransition(
          tx,
          actor,
          ref,
          'notSelect',
          async () => {
            await tx.council.update({ where: { id: d.councils[0].id }, data: { status: 'CLOSED', closedAt: now } });
            return { data: { ...standing, closedAt: now } };
          },
          async (task) => {
            await notify(tx, await organizationRecipients(tx, task.hostOrganizationId), 'taskNotSelected', task.id, {
              title: task.title,
              score: ranked.meanScore ?? 0,
              rank: ranked.rank ?? of,
            });
          },
        );
      }
    }
    await tx.listedTask.update({
      where: { id: listed.id },
      data: { status: move.to, version: { increment: 1 }, selectedAt: now, selectionNote: against ? (input.reason ?? null) : null },
    });
    await recordAudit(tx, actor, {
      action: selected ? 'listed.assign' : 'listed.leaveUnassigned',
      entityType: 'ListedTask',
      entityId: listed.id,
      before: { status: listed.status },
      after: {
        status: move.to,
        selectedTaskId: selected,
        recommendedTaskId: result.recommendedTaskId,
        againstRecommendation: against,
        reason: against ? (input.reason ?? null) : null,
      },
    });
    return { listedTaskId: listed.id, status: move.to, selectedTaskId: selected };
  });
}

/** The evaluator pool for a listed task's selection council, each with why they may not sit (or null). */
export async function selectionPool(actor: Actor, rawId: string) {
  assertManager(actor);
  const id = idOrNotFound(rawId);
  const dossiers = await prisma.task.findMany({ where: { listedTaskId: id, status: 'PROPOSED' }, select: { id: true } });
  return evaluatorPool(unionParties(await Promise.all(dossiers.map((d) => taskParties(d.id)))));
}
