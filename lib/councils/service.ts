import 'server-only';
import { prisma } from '@/lib/server/db';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { parseInput } from '@/lib/server/validation';
import { can } from '@/lib/domain/permissions';
import { compositionErrors, ineligibility, type TaskParties } from '@/lib/domain/council-rules';
import { parseVietnamLocalDateTime } from '@/lib/domain/format';
import { departmentRecipients, notify } from '@/lib/notifications/service';
import { getSettings } from '@/lib/settings/service';
import { bumpVersion } from '@/lib/tasks/transition';
import { taskScope } from '@/lib/tasks/scope';
import type { Actor } from '@/lib/users/actor';
import { councilResult } from './result';
import { acceptanceBallotSchema, proposalBallotSchema, ZDeclareConflict, ZFormCouncil, ZReplaceMember } from './schemas';

const STAGE_STATUSES = { PROPOSAL: ['PROPOSED', 'UNDER_REVIEW'], ACCEPTANCE: ['ACCEPTANCE_REVIEW'] } as const;

function assertManager(actor: Actor) {
  if (!can(actor.role, 'councils.manage')) throw new ForbiddenError();
}

async function taskParties(taskId: string): Promise<TaskParties & { status: string; title: string }> {
  const task = await prisma.task.findUnique({
    where: { id: taskId },
    select: { status: true, title: true, hostOrganizationId: true, piEmail: true, piName: true, keyMembers: true, partnerOrganizations: { select: { id: true } } },
  });
  if (!task) throw new NotFoundError();
  return {
    status: task.status, title: task.title, hostOrganizationId: task.hostOrganizationId, piEmail: task.piEmail, piName: task.piName,
    partnerOrganizationIds: task.partnerOrganizations.map((p) => p.id),
    teamNames: ((task.keyMembers as { name?: string }[] | null) ?? []).map((m) => m.name ?? '').filter(Boolean),
  };
}

/** The evaluator pool for a task's council, each with the reason they may not sit on it (or null). */
export async function listEvaluatorPool(actor: Actor, taskId: string) {
  assertManager(actor);
  const parties = await taskParties(taskId);
  const evaluators = await prisma.user.findMany({
    where: { role: 'EVALUATOR', active: true },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, email: true, evaluatorProfile: { select: { field: true, expertise: true, affiliation: true, organizationId: true } } },
  });
  return evaluators.map((e) => ({
    id: e.id, name: e.name, email: e.email, field: e.evaluatorProfile?.field ?? null, expertise: e.evaluatorProfile?.expertise ?? '', affiliation: e.evaluatorProfile?.affiliation ?? '',
    ineligible: ineligibility({ organizationId: e.evaluatorProfile?.organizationId ?? null, email: e.email, name: e.name }, parties),
  }));
}

/**
 * Forms the council of one stage for a task: composition and conflict rules checked against the department's
 * settings, one active council per stage, written with its members in one transaction; members are notified.
 */
export async function formCouncil(actor: Actor, raw: unknown) {
  assertManager(actor);
  const input = parseInput(ZFormCouncil, raw);
  const parties = await taskParties(input.taskId);
  if (!(STAGE_STATUSES[input.stage] as readonly string[]).includes(parties.status)) throw new ValidationError('councilWrongStage', {}, { status: parties.status });
  const settings = await getSettings();
  const users = await prisma.user.findMany({
    where: { id: { in: input.members.map((m) => m.userId) }, role: 'EVALUATOR', active: true },
    select: { id: true, name: true, email: true, evaluatorProfile: { select: { organizationId: true } } },
  });
  if (users.length !== new Set(input.members.map((m) => m.userId)).size) throw new ValidationError('invalidInput', { members: ['validation.evaluatorUnknown'] });
  const byId = new Map(users.map((u) => [u.id, u]));
  const candidates = input.members.map((m) => {
    const u = byId.get(m.userId)!;
    return { userId: u.id, name: u.name, email: u.email, organizationId: u.evaluatorProfile?.organizationId ?? null, position: m.position };
  });
  const errors = compositionErrors(candidates, parties, settings);
  if (errors.length) {
    const fieldErrors: Record<string, string[]> = {};
    for (const e of errors) {
      if (e.code === 'ineligible') (fieldErrors[`member.${e.userId}`] ??= []).push(`validation.ineligible.${e.reason}`);
      else (fieldErrors.members ??= []).push(`validation.council.${e.code}`);
    }
    throw new ValidationError('councilInvalid', fieldErrors, { min: settings.councilSizeMin, max: settings.councilSizeMax });
  }
  const meetingAt = input.meetingAt ? parseVietnamLocalDateTime(input.meetingAt) : null;
  return prisma.$transaction(async (tx) => {
    await bumpVersion(tx, input.taskId, input.version, STAGE_STATUSES[input.stage]);
    if (await tx.council.findFirst({ where: { taskId: input.taskId, stage: input.stage, status: 'ACTIVE' }, select: { id: true } })) {
      throw new ConflictError('councilExists');
    }
    const council = await tx.council.create({
      data: { taskId: input.taskId, stage: input.stage, createdById: actor.id, meetingAt, members: { create: candidates.map((c) => ({ userId: c.userId, position: c.position })) } },
      select: { id: true },
    });
    await notify(tx, candidates.map((c) => c.userId), 'councilSeatAssigned', input.taskId, { title: parties.title, stage: input.stage });
    return { councilId: council.id };
  });
}

/** Replaces a recused member with another eligible evaluator in the same position. */
export async function replaceMember(actor: Actor, raw: unknown) {
  assertManager(actor);
  const input = parseInput(ZReplaceMember, raw);
  const member = await prisma.councilMember.findUnique({ where: { id: input.memberId }, select: { councilId: true, position: true, conflictStatus: true, council: { select: { taskId: true, stage: true, status: true, members: { select: { userId: true } } } } } });
  if (!member) throw new NotFoundError();
  if (member.conflictStatus !== 'CONFLICT') throw new ValidationError('replaceOnlyRecused');
  if (member.council.status !== 'ACTIVE') throw new ValidationError('councilClosed');
  if (member.council.members.some((m) => m.userId === input.userId)) throw new ValidationError('invalidInput', { userId: ['validation.council.duplicateMember'] });
  const parties = await taskParties(member.council.taskId);
  const user = await prisma.user.findFirst({ where: { id: input.userId, role: 'EVALUATOR', active: true }, select: { id: true, name: true, email: true, evaluatorProfile: { select: { organizationId: true } } } });
  if (!user) throw new ValidationError('invalidInput', { userId: ['validation.evaluatorUnknown'] });
  const reason = ineligibility({ organizationId: user.evaluatorProfile?.organizationId ?? null, email: user.email, name: user.name }, parties);
  if (reason) throw new ValidationError('invalidInput', { userId: [`validation.ineligible.${reason}`] });
  return prisma.$transaction(async (tx) => {
    const created = await tx.councilMember.create({ data: { councilId: member.councilId, userId: user.id, position: member.position }, select: { id: true } });
    // Link the recused member to the replacement once: a second replacement of the same member is refused.
    const { count } = await tx.councilMember.updateMany({ where: { id: input.memberId, conflictStatus: 'CONFLICT', replacedById: null }, data: { replacedById: created.id } });
    if (count === 0) throw new ValidationError('alreadyReplaced');
    await notify(tx, [user.id], 'councilSeatAssigned', member.council.taskId, { title: parties.title, stage: member.council.stage });
    return { memberId: created.id };
  });
}

async function ownSeat(actor: Actor, memberId: string) {
  if (actor.role !== 'EVALUATOR') throw new ForbiddenError();
  const seat = await prisma.councilMember.findFirst({
    where: { id: memberId, userId: actor.id },
    select: { id: true, conflictStatus: true, council: { select: { id: true, status: true, stage: true, taskId: true, task: { select: { title: true, expectedProducts: true } } } } },
  });
  if (!seat) throw new NotFoundError();
  return seat;
}

/** The evaluator declares no conflict (the dossier opens) or a conflict with a reason (recused; the department is told). */
export async function declareConflict(actor: Actor, raw: unknown) {
  const input = parseInput(ZDeclareConflict, raw);
  const seat = await ownSeat(actor, input.memberId);
  if (seat.council.status !== 'ACTIVE') throw new ValidationError('councilClosed');
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.councilMember.updateMany({
      where: { id: seat.id, conflictStatus: 'PENDING' },
      data: { conflictStatus: input.hasConflict ? 'CONFLICT' : 'NO_CONFLICT', conflictReason: input.hasConflict ? input.reason : null, declaredAt: new Date() },
    });
    if (count === 0) throw new ValidationError('alreadyDeclared');
    if (input.hasConflict) await notify(tx, await departmentRecipients(tx), 'memberRecused', seat.council.taskId, { title: seat.council.task.title, name: actor.name });
    return { memberId: seat.id, conflictStatus: input.hasConflict ? 'CONFLICT' : 'NO_CONFLICT' };
  });
}

/** Saves the evaluator's own ballot as a draft, or submits it (then it is locked). */
export async function saveBallot(actor: Actor, raw: unknown) {
  const memberId = typeof raw === 'object' && raw && 'memberId' in raw ? String((raw as { memberId: unknown }).memberId) : '';
  const seat = await ownSeat(actor, memberId);
  if (seat.conflictStatus !== 'NO_CONFLICT') throw new ForbiddenError('declareFirst');
  if (seat.council.status !== 'ACTIVE') throw new ValidationError('councilClosed');
  const settings = await getSettings();
  let data;
  let submit: boolean;
  if (seat.council.stage === 'PROPOSAL') {
    const input = parseInput(proposalBallotSchema(settings.criteria), raw);
    const scores = Object.fromEntries(Object.entries(input.scores).filter(([, v]) => v !== undefined)) as Record<string, number>;
    submit = input.submit;
    data = { scores, totalScore: Object.values(scores).reduce((a, b) => a + b, 0), recommendation: input.recommendation ?? null, comments: input.comments ?? '' };
  } else {
    const products = (seat.council.task.expectedProducts as { name: string }[] | null) ?? [];
    const input = parseInput(acceptanceBallotSchema(products.length), raw);
    submit = input.submit;
    data = {
      productRatings: products.map((p, i) => ({ product: p.name, rating: input.productRatings[i] ?? null })),
      reportRating: input.reportRating ?? null, overallRating: input.overallRating ?? null, comments: input.comments ?? '',
    };
  }
  const status = submit ? 'SUBMITTED' : 'DRAFT';
  const submittedAt = submit ? new Date() : null;
  return prisma.$transaction(async (tx) => {
    // One save per seat at a time: a double submit waits here, then finds the ballot the first one wrote.
    await tx.$queryRaw`SELECT 1 FROM "CouncilMember" WHERE "id" = ${seat.id} FOR UPDATE`;
    const ballot = await tx.ballot.findUnique({ where: { memberId: seat.id }, select: { id: true } });
    if (ballot) {
      const { count } = await tx.ballot.updateMany({ where: { id: ballot.id, status: 'DRAFT' }, data: { ...data, status, submittedAt } });
      if (count === 0) throw new ValidationError('ballotLocked');
      return { ballotId: ballot.id, status };
    }
    const created = await tx.ballot.create({ data: { memberId: seat.id, ...data, status, submittedAt }, select: { id: true } });
    return { ballotId: created.id, status };
  });
}

/** The evaluator's seat: their task, their ballot, and the others' ballots once they may see them. */
export async function getSeat(actor: Actor, memberId: string) {
  const seat = await ownSeat(actor, memberId);
  const settings = await getSettings();
  const full = await prisma.councilMember.findUniqueOrThrow({
    where: { id: seat.id },
    select: {
      id: true, position: true, conflictStatus: true, conflictReason: true, declaredAt: true,
      ballot: true,
      council: { select: { id: true, stage: true, status: true, meetingAt: true, task: { select: { id: true, code: true, title: true, status: true, expectedProducts: true } } } },
    },
  });
  const ownSubmitted = full.ballot?.status === 'SUBMITTED';
  // A recused or undeclared member never sees the others' ballots, not even once the council is closed.
  // Only after one's own ballot is submitted, and with the stricter setting only once the council has closed.
  const mayseeOthers = full.conflictStatus === 'NO_CONFLICT' && ownSubmitted && (settings.ballotVisibility === 'AFTER_OWN_SUBMIT' || full.council.status === 'CLOSED');
  const others = mayseeOthers
    ? await prisma.councilMember.findMany({
        where: { councilId: full.council.id, id: { not: full.id }, conflictStatus: { not: 'CONFLICT' } },
        orderBy: { createdAt: 'asc' },
        select: { id: true, position: true, user: { select: { name: true } }, ballot: { select: { status: true, scores: true, totalScore: true, recommendation: true, productRatings: true, reportRating: true, overallRating: true, comments: true } } },
      })
    : null;
  return { seat: full, criteria: settings.criteria, others: others?.map((o) => ({ ...o, ballot: o.ballot?.status === 'SUBMITTED' ? o.ballot : null })) ?? null };
}

/** Department view of a task's councils: members, declarations, every ballot and the computed result. */
export async function getTaskCouncils(actor: Actor, taskId: string) {
  if (!can(actor.role, 'tasks.viewAll')) throw new ForbiddenError();
  if (!(await prisma.task.findFirst({ where: { id: taskId, ...taskScope(actor) }, select: { id: true } }))) throw new NotFoundError();
  const councils = await prisma.council.findMany({
    where: { taskId },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true, stage: true, status: true, meetingAt: true, createdAt: true, closedAt: true,
      members: {
        orderBy: { createdAt: 'asc' },
        select: { id: true, position: true, conflictStatus: true, conflictReason: true, replacedById: true, createdAt: true, user: { select: { id: true, name: true } }, ballot: { select: { status: true, totalScore: true, recommendation: true, overallRating: true, reportRating: true, productRatings: true, scores: true, comments: true, submittedAt: true } } },
      },
    },
  });
  return Promise.all(councils.map(async (c) => ({ ...c, result: await councilResult(c.id) })));
}
