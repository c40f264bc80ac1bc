import 'server-only';
import { meetingSelect, meetingViews } from '@/lib/councils/meetings';
import { meetingRule } from '@/lib/councils/result';
import { meetingState } from '@/lib/domain/meetings';
import { prisma, type Tx } from '@/lib/server/db';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { idOrNotFound, parseInput } from '@/lib/server/validation';
import type { Actor } from '@/lib/server/actor';
import { can } from '@/lib/domain/permissions';
import { POSITIONS, type Position } from '@/lib/domain/council-rules';
import { activeEvaluators, checkedMembers } from '@/lib/councils/composition';
import { batchParties, identificationResult, type IdentificationResult } from '@/lib/domain/identification';
import { pageWindow } from '@/lib/domain/paging';
import { recordAudit } from '@/lib/audit/record';
import { departmentRecipients, notify, organizationRecipients } from '@/lib/notifications/service';
import { getSettings } from '@/lib/settings/service';
import { applyNeedsTransition, lockNeeds, needsRowSelect } from '@/lib/needs/service';
import { ZConcludeIdentification, ZDeclareIdentification, ZFormIdentificationCouncil, ZNeedsRating } from './schemas';

// Identification councils (hội đồng tư vấn xác định nhiệm vụ, domain.md phase 1 step 2): formed by the
// department over a batch of submitted needs proposals of one needs call; each member declares "no conflict",
// then rates every proposal of the batch; the department concludes with the computed result of each, which
// moves each proposal to RECOMMENDED or NOT_RECOMMENDED (through the needs workflow table).

export const IDENTIFICATION_PAGE_SIZE = 25;

function assertManager(actor: Actor) {
  if (!can(actor.role, 'councils.manage')) throw new ForbiddenError();
}

/** What the council form offers for a needs call: its submitted proposals, and the evaluators with their organization. */
export async function identificationOptions(actor: Actor, rawCallId: string) {
  assertManager(actor);
  const callId = idOrNotFound(rawCallId);
  const call = await prisma.call.findFirst({ where: { id: callId, kind: 'NEEDS' }, select: { id: true, title: true, year: true } });
  if (!call) throw new NotFoundError();
  const [needs, evaluators] = await Promise.all([
    prisma.needsProposal.findMany({
      where: { callId, status: 'SUBMITTED' },
      orderBy: [{ field: 'asc' }, { code: 'asc' }],
      take: 300,
      select: { id: true, code: true, title: true, field: true, organizationId: true, organization: { select: { name: true } } },
    }),
    activeEvaluators(),
  ]);
  return {
    call,
    needs,
    evaluators,
  };
}

/**
 * Forms an identification council: the proposals must be SUBMITTED in that needs call (locked, so a merge or a
 * withdrawal at the same moment is seen), the members pass the composition rules and none belongs to a proposing
 * organization of the batch. Each proposal moves to UNDER_IDENTIFICATION; members are notified. One transaction.
 */
export async function formIdentificationCouncil(actor: Actor, raw: unknown) {
  assertManager(actor);
  const input = parseInput(ZFormIdentificationCouncil, raw);
  const settings = await getSettings();
  const needsIds = [...new Set(input.needsIds)];
  return prisma.$transaction(async (tx) => {
    const call = await tx.call.findFirst({ where: { id: input.callId, kind: 'NEEDS' }, select: { id: true } });
    if (!call) throw new ValidationError('invalidInput', { callId: ['validation.choose'] });
    await lockNeeds(tx, needsIds);
    const needs = await tx.needsProposal.findMany({ where: { id: { in: needsIds } }, select: needsRowSelect });
    if (needs.length !== needsIds.length || needs.some((n) => n.callId !== input.callId || n.status !== 'SUBMITTED'))
      throw new ValidationError('invalidInput', { needsIds: ['validation.needsNotSubmitted'] });
    const candidates = await checkedMembers(tx, input.members, batchParties(needs.map((n) => n.organizationId)), settings);
    const council = await tx.identificationCouncil.create({
      data: {
        callId: input.callId,
        name: input.name,
        meetingAt: input.meetingAt ?? null,
        createdById: actor.id,
        members: { create: candidates.map((c) => ({ userId: c.userId, position: c.position })) },
      },
      select: { id: true, members: { select: { id: true, userId: true } } },
    });
    for (const n of needs) {
      await applyNeedsTransition(tx, actor, n, n.version, 'startIdentification', {
        data: { identificationCouncilId: council.id },
        after: { council: council.id },
      });
    }
    await recordAudit(tx, actor, {
      action: 'identification.form',
      entityType: 'IdentificationCouncil',
      entityId: council.id,
      after: { name: input.name, needs: needsIds.length, members: candidates.map((c) => ({ userId: c.userId, position: c.position })) },
    });
    for (const m of council.members) await notify(tx, [m.userId], 'identificationSeatAssigned', null, { title: input.name, seatId: m.id });
    return { councilId: council.id };
  });
}

type RatingRow = {
  needsId: string;
  status: 'DRAFT' | 'SUBMITTED';
  recommend: boolean | null;
  method: 'SELECTION' | 'DIRECT' | null;
  directOrganizationId: string | null;
  refinedTitle: string;
  refinedObjectives: string;
  refinedProducts: string;
  member: { position: Position; conflictStatus: string };
};

/** Each proposal's result from the submitted ratings of members who declared no conflict (quorum over the non-recused). */
function resultsByNeeds(
  needsIds: string[],
  members: { conflictStatus: string }[],
  ratings: RatingRow[],
  quorumFraction: { numerator: number; denominator: number },
) {
  const seated = members.filter((m) => m.conflictStatus !== 'CONFLICT').length;
  const map = new Map<string, IdentificationResult>();
  for (const id of needsIds) {
    const votes = ratings
      .filter((r) => r.needsId === id && r.status === 'SUBMITTED' && r.member.conflictStatus === 'NO_CONFLICT' && r.recommend !== null)
      .map((r) => ({ recommend: r.recommend!, method: r.method, directOrganizationId: r.directOrganizationId }));
    map.set(id, identificationResult({ members: seated, votes, quorum: quorumFraction }));
  }
  return map;
}

const ratingSelect = {
  needsId: true,
  status: true,
  recommend: true,
  method: true,
  directOrganizationId: true,
  refinedTitle: true,
  refinedObjectives: true,
  refinedProducts: true,
  member: { select: { position: true, conflictStatus: true } },
} as const;

/** The council's conclusion on one proposal: the refined content of the highest-placed member who recommended it. */
function conclusionContent(needsId: string, ratings: RatingRow[]) {
  const order = (p: Position) => POSITIONS.indexOf(p);
  const yes = ratings
    .filter((r) => r.needsId === needsId && r.status === 'SUBMITTED' && r.recommend && r.member.conflictStatus === 'NO_CONFLICT')
    .sort((a, b) => order(a.member.position) - order(b.member.position));
  const first = yes[0];
  return first
    ? { refinedTitle: first.refinedTitle, refinedObjectives: first.refinedObjectives, refinedProducts: first.refinedProducts }
    : {};
}

/** The department's identification councils, newest first. */
export async function listIdentificationCouncils(actor: Actor, page = 1) {
  assertManager(actor);
  const [total, rows] = await Promise.all([
    prisma.identificationCouncil.count(),
    prisma.identificationCouncil.findMany({
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      ...pageWindow(page, IDENTIFICATION_PAGE_SIZE),
      select: {
        id: true,
        name: true,
        status: true,
        meetingAt: true,
        createdAt: true,
        call: { select: { title: true, year: true } },
        _count: { select: { members: true, proposals: true } },
      },
    }),
  ]);
  return { total, page, pageSize: IDENTIFICATION_PAGE_SIZE, rows };
}

/** One identification council for the department: members and declarations, each proposal with its result. */
export async function getIdentificationCouncil(actor: Actor, rawId: string) {
  assertManager(actor);
  const id = idOrNotFound(rawId);
  const council = await prisma.identificationCouncil.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      status: true,
      version: true,
      meetingAt: true,
      createdAt: true,
      closedAt: true,
      call: { select: { id: true, title: true, year: true } },
      meetings: { orderBy: { heldAt: 'asc' }, select: meetingSelect },
      members: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          position: true,
          conflictStatus: true,
          conflictReason: true,
          declaredAt: true,
          user: {
            select: { id: true, name: true, organization: { select: { name: true } }, evaluatorProfile: { select: { affiliation: true } } },
          },
          _count: { select: { ratings: { where: { status: 'SUBMITTED' } } } },
        },
      },
      proposals: {
        orderBy: [{ code: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          code: true,
          title: true,
          status: true,
          field: true,
          organization: { select: { name: true } },
          recommendedMethod: true,
          recommendedDirectOrg: { select: { name: true } },
          refinedTitle: true,
        },
      },
    },
  });
  if (!council) throw new NotFoundError();
  const settings = await getSettings();
  const ratings = await prisma.needsRating.findMany({ where: { member: { councilId: id } }, select: ratingSelect });
  const results = resultsByNeeds(
    council.proposals.map((p) => p.id),
    council.members,
    ratings,
    { numerator: settings.quorumNumerator, denominator: settings.quorumDenominator },
  );
  const organizations = await prisma.organization.findMany({
    where: { id: { in: [...results.values()].map((r) => r.directOrganizationId).filter((x): x is string => !!x) } },
    select: { id: true, name: true },
  });
  const orgName = new Map(organizations.map((o) => [o.id, o.name]));
  const proposals = council.proposals.map((p) => {
    const r = results.get(p.id)!;
    return {
      ...p,
      result: { ...r, directOrganizationName: r.directOrganizationId ? (orgName.get(r.directOrganizationId) ?? null) : null },
    };
  });
  const pending = proposals.filter((p) => p.status === 'UNDER_IDENTIFICATION');
  const { meetings: meetingRows, ...rest } = council;
  const seats = council.members.map((m) => ({
    userId: m.user.id,
    name: m.user.name,
    position: m.position,
    seated: m.conflictStatus !== 'CONFLICT',
  }));
  const meetings = meetingViews(meetingRows, seats, settings);
  const meetingValid = meetings.some((m) => m.check.valid);
  return {
    ...rest,
    proposals,
    meetings,
    meetingValid,
    meetingSeats: seats.filter((m) => m.seated).map(({ seated: _, ...m }) => m),
    canConclude: council.status === 'ACTIVE' && pending.length > 0 && pending.every((p) => p.result.outcome !== null) && meetingValid,
    undecided: pending.filter((p) => p.result.outcome === null).length,
  };
}

/**
 * Concludes the council: every proposal still under identification needs a valid result (quorum met); each moves
 * to RECOMMENDED (with the method, the named organization for direct assignment, and the refined content) or to
 * NOT_RECOMMENDED, its organization is told, and the council closes. Under the council's and the proposals'
 * locks, naming the version the user saw: two staff concluding at once, one wins, the other is told to reload.
 */
export async function concludeIdentification(actor: Actor, raw: unknown) {
  assertManager(actor);
  const input = parseInput(ZConcludeIdentification, raw);
  const settings = await getSettings();
  return prisma.$transaction(async (tx) => {
    await lockCouncil(tx, input.councilId);
    const council = await tx.identificationCouncil.findUnique({
      where: { id: input.councilId },
      select: {
        id: true,
        name: true,
        status: true,
        version: true,
        members: { select: { userId: true, position: true, conflictStatus: true } },
        proposals: { select: { id: true } },
        meetings: { select: { presidingUserId: true, attendance: { select: { userId: true, present: true, online: true } } } },
      },
    });
    if (!council) throw new NotFoundError();
    if (council.version !== input.version) throw new ConflictError('staleRecord');
    if (council.status !== 'ACTIVE') throw new ValidationError('councilClosed');
    await lockNeeds(
      tx,
      council.proposals.map((p) => p.id),
    );
    const needs = await tx.needsProposal.findMany({
      where: { identificationCouncilId: council.id, status: 'UNDER_IDENTIFICATION' },
      select: needsRowSelect,
    });
    const ratings = await tx.needsRating.findMany({ where: { member: { councilId: council.id } }, select: ratingSelect });
    const results = resultsByNeeds(
      needs.map((n) => n.id),
      council.members,
      ratings,
      { numerator: settings.quorumNumerator, denominator: settings.quorumDenominator },
    );
    const undecided = needs.filter((n) => results.get(n.id)!.outcome === null).length;
    if (undecided > 0 || needs.length === 0) throw new ValidationError('identificationIncomplete', {}, { count: undecided });
    // The council's conclusions count only after a valid meeting (attendance rule of the settings).
    const seats = council.members.filter((m) => m.conflictStatus !== 'CONFLICT');
    if (!meetingState(seats, council.meetings, meetingRule(settings)).valid) throw new ValidationError('meetingNotValid');
    let recommended = 0;
    for (const n of needs) {
      const r = results.get(n.id)!;
      if (r.outcome === 'RECOMMEND') {
        recommended += 1;
        await applyNeedsTransition(tx, actor, n, n.version, 'recommend', {
          data: { recommendedMethod: r.method, recommendedDirectOrgId: r.directOrganizationId, ...conclusionContent(n.id, ratings) },
          after: { method: r.method, recommending: r.recommending, voters: r.voters },
        });
      } else {
        await applyNeedsTransition(tx, actor, n, n.version, 'notRecommend', { after: { recommending: r.recommending, voters: r.voters } });
      }
      await notify(
        tx,
        await organizationRecipients(tx, n.organizationId),
        r.outcome === 'RECOMMEND' ? 'needsRecommended' : 'needsNotRecommended',
        null,
        {
          title: n.title,
          needsId: n.id,
        },
      );
    }
    await tx.identificationCouncil.update({
      where: { id: council.id },
      data: { status: 'CLOSED', closedAt: new Date(), version: { increment: 1 } },
    });
    await recordAudit(tx, actor, {
      action: 'identification.conclude',
      entityType: 'IdentificationCouncil',
      entityId: council.id,
      after: { recommended, notRecommended: needs.length - recommended },
    });
    return { councilId: council.id, recommended, notRecommended: needs.length - recommended };
  });
}

// ---------------------------------------------------------------------------------------------------------
// The evaluator's side: their seats, the declaration, the ratings.
// ---------------------------------------------------------------------------------------------------------

/** An evaluator's own seat (anyone else's: 404), read under the council's lock when given a transaction. */
async function ownSeat(actor: Actor, rawId: string, db: Tx | typeof prisma = prisma) {
  const memberId = idOrNotFound(rawId);
  if (actor.role !== 'EVALUATOR') throw new NotFoundError();
  const seat = await db.identificationMember.findFirst({
    where: { id: memberId, userId: actor.id },
    select: {
      id: true,
      councilId: true,
      position: true,
      conflictStatus: true,
      council: { select: { id: true, name: true, status: true } },
    },
  });
  if (!seat) throw new NotFoundError();
  return seat;
}

async function lockCouncil(tx: Tx, councilId: string) {
  await tx.$queryRaw`SELECT 1 FROM "IdentificationCouncil" WHERE "id" = ${councilId} FOR UPDATE`;
}

/** The evaluator's identification seats, newest first. */
export async function listIdentificationSeats(actor: Actor) {
  if (actor.role !== 'EVALUATOR') return [];
  return prisma.identificationMember.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: {
      id: true,
      position: true,
      conflictStatus: true,
      council: {
        select: { name: true, status: true, meetingAt: true, call: { select: { year: true } }, _count: { select: { proposals: true } } },
      },
      _count: { select: { ratings: { where: { status: 'SUBMITTED' } } } },
    },
  });
}

/**
 * One seat as its evaluator sees it: before the declaration, the batch's names and proposing organizations (what
 * a conflict is declared about); after "no conflict", each proposal's content with the member's own rating. A
 * member never sees another member's rating here. A recused member sees only their declaration.
 */
export async function getIdentificationSeat(actor: Actor, rawId: string) {
  const seat = await ownSeat(actor, rawId);
  const open = seat.conflictStatus === 'NO_CONFLICT';
  const proposals =
    seat.conflictStatus === 'CONFLICT'
      ? []
      : await prisma.needsProposal.findMany({
          where: { identificationCouncilId: seat.councilId },
          orderBy: [{ code: 'asc' }, { id: 'asc' }],
          select: {
            id: true,
            code: true,
            title: true,
            status: true,
            field: true,
            organization: { select: { name: true } },
            ...(open
              ? {
                  problem: true,
                  objectives: true,
                  expectedResults: true,
                  applyingUnits: true,
                  durationMonths: true,
                  budgetEstimate: true,
                  ratings: {
                    where: { memberId: seat.id },
                    select: {
                      status: true,
                      recommend: true,
                      method: true,
                      directOrganizationId: true,
                      directReason: true,
                      refinedTitle: true,
                      refinedObjectives: true,
                      refinedProducts: true,
                      comments: true,
                      submittedAt: true,
                    },
                  },
                }
              : {}),
          },
        });
  return { seat, proposals };
}

export async function declareIdentificationConflict(actor: Actor, raw: unknown) {
  const input = parseInput(ZDeclareIdentification, raw);
  const found = await ownSeat(actor, input.memberId);
  return prisma.$transaction(async (tx) => {
    await lockCouncil(tx, found.councilId);
    const seat = await ownSeat(actor, input.memberId, tx);
    if (seat.council.status !== 'ACTIVE') throw new ValidationError('councilClosed');
    if (seat.conflictStatus !== 'PENDING') throw new ValidationError('alreadyDeclared');
    const conflictStatus = input.hasConflict ? 'CONFLICT' : 'NO_CONFLICT';
    const conflictReason = input.hasConflict ? input.reason : null;
    await tx.identificationMember.update({ where: { id: seat.id }, data: { conflictStatus, conflictReason, declaredAt: new Date() } });
    await recordAudit(tx, actor, {
      action: 'identification.declareConflict',
      entityType: 'IdentificationMember',
      entityId: seat.id,
      before: { conflictStatus: seat.conflictStatus },
      after: { conflictStatus, conflictReason },
    });
    if (input.hasConflict)
      await notify(tx, await departmentRecipients(tx), 'identificationMemberRecused', null, { title: seat.council.name, name: actor.name });
    return { memberId: seat.id, conflictStatus };
  });
}

/**
 * Saves the member's rating of one proposal of the batch as a draft, or submits it (then it is locked). Only
 * after declaring no conflict, while the council is active and the proposal still under identification; a direct
 * assignment names an active organization.
 */
export async function saveNeedsRating(actor: Actor, raw: unknown) {
  const input = parseInput(ZNeedsRating, raw);
  const found = await ownSeat(actor, input.memberId);
  return prisma.$transaction(async (tx) => {
    await lockCouncil(tx, found.councilId);
    const seat = await ownSeat(actor, input.memberId, tx);
    if (seat.conflictStatus !== 'NO_CONFLICT') throw new ForbiddenError('declareFirst');
    if (seat.council.status !== 'ACTIVE') throw new ValidationError('councilClosed');
    const needs = await tx.needsProposal.findFirst({
      where: { id: input.needsId, identificationCouncilId: seat.councilId },
      select: { id: true, status: true },
    });
    if (!needs) throw new NotFoundError();
    if (needs.status !== 'UNDER_IDENTIFICATION') throw new ValidationError('councilClosed');
    const existing = await tx.needsRating.findUnique({
      where: { memberId_needsId: { memberId: seat.id, needsId: needs.id } },
      select: { status: true },
    });
    if (existing?.status === 'SUBMITTED') throw new ValidationError('ballotLocked');
    const direct = input.recommend === 'YES' && input.method === 'DIRECT' ? (input.directOrganizationId ?? null) : null;
    if (direct && !(await tx.organization.findFirst({ where: { id: direct, status: 'ACTIVE' }, select: { id: true } })))
      throw new ValidationError('invalidInput', { directOrganizationId: ['validation.choose'] });
    const data = {
      status: input.submit ? ('SUBMITTED' as const) : ('DRAFT' as const),
      recommend: input.recommend === undefined ? null : input.recommend === 'YES',
      method: input.recommend === 'YES' ? (input.method ?? null) : null,
      directOrganizationId: direct,
      directReason: direct ? (input.directReason ?? '') : '',
      refinedTitle: input.refinedTitle ?? '',
      refinedObjectives: input.refinedObjectives ?? '',
      refinedProducts: input.refinedProducts ?? '',
      comments: input.comments ?? '',
      submittedAt: input.submit ? new Date() : null,
    };
    const rating = await tx.needsRating.upsert({
      where: { memberId_needsId: { memberId: seat.id, needsId: needs.id } },
      create: { memberId: seat.id, needsId: needs.id, ...data },
      update: data,
      select: { id: true, status: true },
    });
    await recordAudit(tx, actor, {
      action: input.submit ? 'identification.rate' : 'identification.saveRating',
      entityType: 'NeedsRating',
      entityId: rating.id,
      after: { needsId: needs.id, status: rating.status, recommend: data.recommend, method: data.method },
    });
    return { ratingId: rating.id, status: rating.status };
  });
}
