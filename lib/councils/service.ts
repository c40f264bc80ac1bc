import 'server-only';
import { meetingSelect, meetingViews } from './meetings';
import { prisma, type Tx } from '@/lib/server/db';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { idOrNotFound, parseInput } from '@/lib/server/validation';
import { can } from '@/lib/domain/permissions';
import { ineligibility, type Position, type TaskParties } from '@/lib/domain/council-rules';
import { checkedMembers, evaluatorPool } from './composition';
import { departmentRecipients, notify } from '@/lib/notifications/service';
import { getSettings } from '@/lib/settings/service';
import { bumpVersion, lockTask } from '@/lib/workflow/transition';
import { taskScope } from '@/lib/workflow/scope';
import type { Actor } from '@/lib/server/actor';
import { councilResult } from './result';
import { logAccess, recordAudit } from '@/lib/audit/record';
import { isRecusedOnTask, notRecusedOn, recusedUserIds } from '@/lib/workflow/recusal';
import { acceptanceBallotSchema, proposalBallotSchema, ZDeclareConflict, ZFormCouncil, ZReplaceMember } from './schemas';

const STAGE_STATUSES = { PROPOSAL: ['PROPOSED', 'UNDER_REVIEW'], ACCEPTANCE: ['ACCEPTANCE_REVIEW'] } as const;

function assertManager(actor: Actor) {
  if (!can(actor.role, 'councils.manage')) throw new ForbiddenError();
}

export async function taskParties(
  taskId: string,
  db: Tx | typeof prisma = prisma,
): Promise<TaskParties & { status: string; title: string; competing: boolean }> {
  const task = await db.task.findUnique({
    where: { id: taskId },
    select: {
      status: true,
      title: true,
      hostOrganizationId: true,
      piEmail: true,
      piName: true,
      keyMembers: true,
      partnerOrganizations: { select: { id: true } },
      listedTask: { select: { callId: true } },
    },
  });
  if (!task) throw new NotFoundError();
  return {
    competing: !!task.listedTask?.callId,
    status: task.status,
    title: task.title,
    hostOrganizationId: task.hostOrganizationId,
    piEmail: task.piEmail,
    piName: task.piName,
    partnerOrganizationIds: task.partnerOrganizations.map((p) => p.id),
    teamNames: ((task.keyMembers as { name?: string }[] | null) ?? []).map((m) => m.name ?? '').filter(Boolean),
    recusedUserIds: [...(await recusedUserIds(db, taskId))],
  };
}

/** The evaluator pool for a task's council, each with the reason they may not sit on it (or null). */
export async function listEvaluatorPool(actor: Actor, rawId: string) {
  const taskId = idOrNotFound(rawId);
  assertManager(actor);
  return evaluatorPool(await taskParties(taskId));
}

/**
 * Forms the council of one stage for a task: composition and conflict rules checked against the department's
 * settings, one active council per stage, written with its members in one transaction; members are notified.
 * Everything is read under the task's lock, so a conflict declared at the same moment is seen here.
 */
export async function formCouncil(actor: Actor, raw: unknown) {
  assertManager(actor);
  const input = parseInput(ZFormCouncil, raw);
  const settings = await getSettings();
  const meetingAt = input.meetingAt ?? null;
  return prisma.$transaction(async (tx) => {
    await lockTask(tx, input.taskId);
    const parties = await taskParties(input.taskId, tx);
    // The dossiers competing for a listed task of a notice are judged together by its selection council.
    if (input.stage === 'PROPOSAL' && parties.competing) throw new ValidationError('useSelectionCouncil');
    if (!(STAGE_STATUSES[input.stage] as readonly string[]).includes(parties.status))
      throw new ValidationError('councilWrongStage', {}, { status: parties.status });
    const candidates = await checkedMembers(tx, input.members, parties, settings);
    await bumpVersion(tx, input.taskId, input.version, STAGE_STATUSES[input.stage]);
    if (await tx.council.findFirst({ where: { taskId: input.taskId, stage: input.stage, status: 'ACTIVE' }, select: { id: true } })) {
      throw new ConflictError('councilExists');
    }
    return createCouncil(tx, actor, { taskId: input.taskId, stage: input.stage, candidates, meetingAt, title: parties.title });
  });
}

/**
 * Writes a council with its members (already checked), its audit row and the members' notices, in the caller's
 * transaction under the task's lock. A selection council is one of these per dossier of the listed task.
 */
export async function createCouncil(
  tx: Tx,
  actor: Actor,
  c: {
    taskId: string;
    stage: 'PROPOSAL' | 'ACCEPTANCE';
    candidates: { userId: string; position: Position }[];
    meetingAt: Date | null;
    title: string;
    listedTaskId?: string;
  },
) {
  const council = await tx.council.create({
    data: {
      taskId: c.taskId,
      stage: c.stage,
      createdById: actor.id,
      meetingAt: c.meetingAt,
      listedTaskId: c.listedTaskId ?? null,
      members: { create: c.candidates.map((m) => ({ userId: m.userId, position: m.position })) },
    },
    select: { id: true },
  });
  await recordAudit(tx, actor, {
    action: 'council.form',
    entityType: 'Council',
    entityId: council.id,
    taskId: c.taskId,
    after: {
      stage: c.stage,
      meetingAt: c.meetingAt,
      listedTaskId: c.listedTaskId ?? null,
      members: c.candidates.map((m) => ({ userId: m.userId, position: m.position })),
    },
  });
  await notify(
    tx,
    c.candidates.map((m) => m.userId),
    'councilSeatAssigned',
    c.taskId,
    { title: c.title, stage: c.stage },
  );
  return { councilId: council.id };
}

/** Replaces a recused member with another eligible evaluator in the same position. */
export async function replaceMember(actor: Actor, raw: unknown) {
  assertManager(actor);
  const input = parseInput(ZReplaceMember, raw);
  const found = await prisma.councilMember.findUnique({ where: { id: input.memberId }, select: { council: { select: { taskId: true } } } });
  if (!found) throw new NotFoundError();
  return prisma.$transaction(async (tx) => {
    await lockTask(tx, found.council.taskId);
    const member = await tx.councilMember.findUniqueOrThrow({
      where: { id: input.memberId },
      select: {
        councilId: true,
        position: true,
        conflictStatus: true,
        replacedById: true,
        council: { select: { taskId: true, stage: true, status: true, members: { select: { userId: true } } } },
      },
    });
    if (member.conflictStatus !== 'CONFLICT') throw new ValidationError('replaceOnlyRecused');
    // Under the task's lock: a second replacement of the same member, made at the same moment, sees the first.
    if (member.replacedById) throw new ValidationError('alreadyReplaced');
    if (member.council.status !== 'ACTIVE') throw new ValidationError('councilClosed');
    if (member.council.members.some((m) => m.userId === input.userId))
      throw new ValidationError('invalidInput', { userId: ['validation.council.duplicateMember'] });
    const parties = await taskParties(member.council.taskId, tx);
    const user = await tx.user.findFirst({
      where: { id: input.userId, role: 'EVALUATOR', active: true },
      select: { id: true, name: true, email: true, evaluatorProfile: { select: { organizationId: true } } },
    });
    if (!user) throw new ValidationError('invalidInput', { userId: ['validation.evaluatorUnknown'] });
    const reason = ineligibility(
      { userId: user.id, organizationId: user.evaluatorProfile?.organizationId ?? null, email: user.email, name: user.name },
      parties,
    );
    if (reason) throw new ValidationError('invalidInput', { userId: [`validation.ineligible.${reason}`] });
    const created = await tx.councilMember.create({
      data: { councilId: member.councilId, userId: user.id, position: member.position },
      select: { id: true },
    });
    // Link the recused member to the replacement once: a second replacement of the same member is refused.
    const { count } = await tx.councilMember.updateMany({
      where: { id: input.memberId, conflictStatus: 'CONFLICT', replacedById: null },
      data: { replacedById: created.id },
    });
    if (count === 0) throw new ValidationError('alreadyReplaced');
    await recordAudit(tx, actor, {
      action: 'council.replaceMember',
      entityType: 'CouncilMember',
      entityId: input.memberId,
      taskId: member.council.taskId,
      before: { replacedById: null },
      after: { replacedById: created.id, userId: user.id, position: member.position },
    });
    await notify(tx, [user.id], 'councilSeatAssigned', member.council.taskId, { title: parties.title, stage: member.council.stage });
    return { memberId: created.id };
  });
}

/**
 * The evaluator's own seat, with `recused`: a conflict declared on this seat or on any other council of the
 * same task. A recused evaluator sees neither the task's title nor its dossier, and may not vote.
 */
async function ownSeat(actor: Actor, memberId: string, db: Tx | typeof prisma = prisma) {
  if (!can(actor.role, 'councils.sit')) throw new ForbiddenError();
  const seat = await db.councilMember.findFirst({
    where: { id: memberId, userId: actor.id },
    select: {
      id: true,
      conflictStatus: true,
      council: { select: { id: true, status: true, stage: true, taskId: true, task: { select: { title: true, expectedProducts: true } } } },
    },
  });
  if (!seat) throw new NotFoundError();
  const recused = seat.conflictStatus === 'CONFLICT' || (await isRecusedOnTask(db, actor.id, seat.council.taskId));
  return { ...seat, recused };
}

/** The evaluator's seat id inside an untrusted input (the schema checks the rest). */
function memberIdOf(raw: unknown): string {
  return typeof raw === 'object' && raw && 'memberId' in raw && typeof raw.memberId === 'string' ? raw.memberId : '';
}

/**
 * The evaluator declares no conflict (the dossier opens) or a conflict with a reason (recused on the whole task;
 * the department is told). Someone recused on the task at another council cannot declare "no conflict" here.
 */
export async function declareConflict(actor: Actor, raw: unknown) {
  const input = parseInput(ZDeclareConflict, raw);
  const found = await ownSeat(actor, input.memberId);
  return prisma.$transaction(async (tx) => {
    await lockTask(tx, found.council.taskId);
    const seat = await ownSeat(actor, input.memberId, tx);
    if (seat.council.status !== 'ACTIVE') throw new ValidationError('councilClosed');
    if (seat.conflictStatus !== 'PENDING') throw new ValidationError('alreadyDeclared');
    if (!input.hasConflict && seat.recused) throw new ValidationError('recusedOnTask');
    const conflictStatus = input.hasConflict ? 'CONFLICT' : 'NO_CONFLICT';
    const conflictReason = input.hasConflict ? input.reason : null;
    await tx.councilMember.update({ where: { id: seat.id }, data: { conflictStatus, conflictReason, declaredAt: new Date() } });
    await recordAudit(tx, actor, {
      action: 'council.declareConflict',
      entityType: 'CouncilMember',
      entityId: seat.id,
      taskId: seat.council.taskId,
      before: { conflictStatus: seat.conflictStatus },
      after: { conflictStatus, conflictReason },
    });
    if (input.hasConflict)
      await notify(tx, await departmentRecipients(tx), 'memberRecused', seat.council.taskId, {
        title: seat.council.task.title,
        name: actor.name,
      });
    return { memberId: seat.id, conflictStatus };
  });
}

/**
 * Saves the evaluator's own ballot as a draft, or submits it (then it is locked). Under the task's lock, so
 * that a decision taken at the same moment (which closes the council) and the ballot are seen in one order.
 */
export async function saveBallot(actor: Actor, raw: unknown) {
  const found = await ownSeat(actor, memberIdOf(raw));
  const settings = await getSettings();
  let data;
  let submit: boolean;
  if (found.council.stage === 'PROPOSAL') {
    const input = parseInput(proposalBallotSchema(settings.criteria), raw);
    const scores = Object.fromEntries(Object.entries(input.scores).filter(([, v]) => v !== undefined)) as Record<string, number>;
    submit = input.submit;
    data = {
      scores,
      totalScore: Object.values(scores).reduce((a, b) => a + b, 0),
      recommendation: input.recommendation ?? null,
      comments: input.comments ?? '',
    };
  } else {
    const products = (found.council.task.expectedProducts as { name: string }[] | null) ?? [];
    const input = parseInput(acceptanceBallotSchema(products.length), raw);
    submit = input.submit;
    data = {
      productRatings: products.map((p, i) => ({ product: p.name, rating: input.productRatings[i] ?? null })),
      reportRating: input.reportRating ?? null,
      overallRating: input.overallRating ?? null,
      comments: input.comments ?? '',
    };
  }
  const status = submit ? 'SUBMITTED' : 'DRAFT';
  const submittedAt = submit ? new Date() : null;
  return prisma.$transaction(async (tx) => {
    // One write about the task at a time: a double submit waits here, then finds the ballot the first one wrote.
    await lockTask(tx, found.council.taskId);
    const seat = await ownSeat(actor, found.id, tx);
    if (seat.recused) throw new ForbiddenError('recusedOnTask');
    if (seat.conflictStatus !== 'NO_CONFLICT') throw new ForbiddenError('declareFirst');
    if (seat.council.status !== 'ACTIVE') throw new ValidationError('councilClosed');
    const ballot = await tx.ballot.findUnique({ where: { memberId: seat.id }, select: { id: true } });
    let ballotId: string;
    if (ballot) {
      const { count } = await tx.ballot.updateMany({ where: { id: ballot.id, status: 'DRAFT' }, data: { ...data, status, submittedAt } });
      if (count === 0) throw new ValidationError('ballotLocked');
      ballotId = ballot.id;
    } else {
      ballotId = (await tx.ballot.create({ data: { memberId: seat.id, ...data, status, submittedAt }, select: { id: true } })).id;
    }
    await recordAudit(tx, actor, {
      action: submit ? 'ballot.submit' : 'ballot.saveDraft',
      entityType: 'Ballot',
      entityId: ballotId,
      taskId: seat.council.taskId,
      after: { memberId: seat.id, status, ...data },
    });
    return { ballotId, status };
  });
}

function fullSeat(memberId: string) {
  return prisma.councilMember.findUniqueOrThrow({
    where: { id: memberId },
    select: {
      id: true,
      position: true,
      conflictStatus: true,
      conflictReason: true,
      declaredAt: true,
      ballot: true,
      council: {
        select: {
          id: true,
          stage: true,
          status: true,
          meetingAt: true,
          task: { select: { id: true, code: true, title: true, status: true, expectedProducts: true } },
        },
      },
    },
  });
}

/** The evaluator's seat: their task, their ballot, and the others' ballots once they may see them. */
export async function getSeat(actor: Actor, rawId: string) {
  const memberId = idOrNotFound(rawId);
  const seat = await ownSeat(actor, memberId);
  // The access check passed: the opening is logged (a failed log fails the read, see logAccess).
  const [settings, full] = await Promise.all([
    getSettings(),
    fullSeat(seat.id),
    logAccess(actor, 'SEAT', { id: seat.id, taskId: seat.council.taskId }),
  ]);
  const { recused } = seat;
  // Recused on this seat or on another council of the task: the task is not named and nothing of it shows.
  const task = recused ? { ...full.council.task, title: null, expectedProducts: [] } : full.council.task;
  const dossierOpen = !recused && full.conflictStatus === 'NO_CONFLICT';
  const ownSubmitted = full.ballot?.status === 'SUBMITTED';
  // A recused or undeclared member never sees the others' ballots, not even once the council is closed.
  // Only after one's own ballot is submitted, and with the stricter setting only once the council has closed.
  const mayseeOthers =
    dossierOpen && ownSubmitted && (settings.ballotVisibility === 'AFTER_OWN_SUBMIT' || full.council.status === 'CLOSED');
  const others = mayseeOthers
    ? await prisma.councilMember.findMany({
        where: { councilId: full.council.id, id: { not: full.id }, ...notRecusedOn(full.council.task.id) },
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          position: true,
          user: { select: { name: true } },
          ballot: {
            select: {
              status: true,
              scores: true,
              totalScore: true,
              recommendation: true,
              productRatings: true,
              reportRating: true,
              overallRating: true,
              comments: true,
            },
          },
        },
      })
    : null;
  return {
    seat: { ...full, ballot: recused ? null : full.ballot, council: { ...full.council, task } },
    /** Recused on the task: on this seat, or (recusedElsewhere) on another council of it. */
    recused,
    recusedElsewhere: recused && full.conflictStatus !== 'CONFLICT',
    mayDeclare: full.conflictStatus === 'PENDING' && full.council.status === 'ACTIVE' && !recused,
    dossierOpen,
    criteria: settings.criteria,
    others: others?.map((o) => ({ ...o, ballot: o.ballot?.status === 'SUBMITTED' ? o.ballot : null })) ?? null,
  };
}

/** Department view of a task's councils: members, declarations, every ballot and the computed result. */
export async function getTaskCouncils(actor: Actor, rawId: string) {
  const taskId = idOrNotFound(rawId);
  if (!can(actor.role, 'tasks.viewAll')) throw new ForbiddenError();
  if (!(await prisma.task.findFirst({ where: { id: taskId, ...taskScope(actor) }, select: { id: true } }))) throw new NotFoundError();
  const councils = await prisma.council.findMany({
    where: { taskId },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      stage: true,
      status: true,
      meetingAt: true,
      createdAt: true,
      closedAt: true,
      meetings: { orderBy: { heldAt: 'asc' }, select: meetingSelect },
      members: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          position: true,
          conflictStatus: true,
          conflictReason: true,
          replacedById: true,
          createdAt: true,
          user: { select: { id: true, name: true } },
          ballot: {
            select: {
              status: true,
              totalScore: true,
              recommendation: true,
              overallRating: true,
              reportRating: true,
              productRatings: true,
              scores: true,
              comments: true,
              submittedAt: true,
            },
          },
        },
      },
    },
  });
  const [recused, settings] = await Promise.all([recusedUserIds(prisma, taskId), getSettings()]);
  return Promise.all(
    councils.map(async ({ meetings, ...c }) => ({
      ...c,
      members: c.members.map((m) => ({ ...m, recusedOnTask: recused.has(m.user.id) })),
      result: await councilResult(c.id),
      meetings: meetingViews(
        meetings,
        c.members.map((m) => ({ userId: m.user.id, name: m.user.name, position: m.position, seated: !recused.has(m.user.id) })),
        settings,
      ),
    })),
  );
}
