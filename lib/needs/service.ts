import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { prisma, type Tx } from '@/lib/server/db';
import { foldedSearch } from '@/lib/server/search';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { idOrNotFound, parseInput } from '@/lib/server/validation';
import type { Actor } from '@/lib/server/actor';
import { can } from '@/lib/domain/permissions';
import { fieldErrorsOf } from '@/lib/domain/zod';
import { pageWindow } from '@/lib/domain/paging';
import { inBatches } from '@/lib/domain/batches';
import { NEEDS_EDITABLE, NEEDS_MACHINE, NEEDS_MERGE_TARGETS, type NeedsAction, type NeedsStatus } from '@/lib/domain/needs-workflow';
import { recordAudit } from '@/lib/audit/record';
import type { AuditAction } from '@/lib/audit/kinds';
import { notify, organizationRecipients } from '@/lib/notifications/service';
import { assertProgramChoice } from '@/lib/programs/service';
import { needsToFormValues, storedNeedsSelect } from './form-values';
import { ZCreateNeeds, ZMergeNeeds, ZNeedsFilter, ZNeedsReadyToSubmit, ZNeedsRef, ZReturnNeeds, ZUpdateNeeds } from './schemas';

// Needs proposals (phiếu đề xuất đặt hàng): an organization's own, or every one for the department. Status changes
// follow lib/domain/needs-workflow.ts, under the proposal's row lock, naming the version the user saw, with their
// audit row in the same transaction.

export const NEEDS_PAGE_SIZE = 25;

/** The needs proposals an actor may see: the department every one, an organization its own; nobody else any. */
function needsScope(actor: Actor): Prisma.NeedsProposalWhereInput {
  if (can(actor.role, 'tasks.viewAll')) return {};
  if (can(actor.role, 'tasks.propose') && actor.organizationId) return { organizationId: actor.organizationId };
  return { id: '__none__' };
}

function assertProposer(actor: Actor) {
  if (!can(actor.role, 'tasks.propose') || !actor.organizationId) throw new ForbiddenError();
  if (actor.organizationStatus !== 'ACTIVE') throw new ForbiddenError('organizationNotVerified');
}

const nulls = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v ?? null])) as { [K in keyof T]-?: Exclude<T[K], undefined> | null };

/** The content as the row stores it (texts default to '', numbers to null). */
function contentData(c: Omit<ReturnType<typeof ZUpdateNeeds.parse>, 'needsId' | 'version'>) {
  const n = nulls({ field: c.field, durationMonths: c.durationMonths, budgetEstimate: c.budgetEstimate, programId: c.programId });
  return {
    ...n,
    title: c.title,
    problem: c.problem ?? '',
    objectives: c.objectives ?? '',
    expectedResults: c.expectedResults ?? '',
    applyingUnits: c.applyingUnits ?? '',
  };
}

/** The needs call a proposal answers: it must be one, and not closed yet. */
async function openNeedsCall(db: Tx | typeof prisma, callId: string, now = new Date()) {
  const call = await db.call.findFirst({
    where: { id: callId, kind: 'NEEDS' },
    select: { id: true, year: true, opensAt: true, closesAt: true },
  });
  if (!call) throw new ValidationError('invalidInput', { callId: ['validation.choose'] });
  return { ...call, state: now < call.opensAt ? ('upcoming' as const) : now > call.closesAt ? ('closed' as const) : ('open' as const) };
}

/** An organization user starts a needs proposal in a needs call that has not closed: a DRAFT of their organization. */
export async function createNeeds(actor: Actor, raw: unknown, now = new Date()) {
  assertProposer(actor);
  const { callId, ...content } = parseInput(ZCreateNeeds, raw);
  const created = NEEDS_MACHINE.check(null, 'create', actor.role);
  if (!created.ok) throw new ForbiddenError('transitionRole');
  return prisma.$transaction(async (tx) => {
    const call = await openNeedsCall(tx, callId, now);
    if (call.state === 'closed') throw new ValidationError('needsCallClosed');
    await assertProgramChoice(tx, content.programId, null, now);
    const needs = await tx.needsProposal.create({
      data: { ...contentData(content), callId, organizationId: actor.organizationId!, createdById: actor.id, status: created.to },
      select: { id: true, version: true },
    });
    await recordAudit(tx, actor, {
      action: 'needs.create',
      entityType: 'NeedsProposal',
      entityId: needs.id,
      after: { status: created.to },
    });
    return { needsId: needs.id, version: needs.version };
  });
}

/** Edits a needs proposal while it is a DRAFT or RETURNED, naming the version the user loaded. */
export async function updateNeeds(actor: Actor, raw: unknown) {
  assertProposer(actor);
  const { needsId, version, ...content } = parseInput(ZUpdateNeeds, raw);
  return prisma.$transaction(async (tx) => {
    await lockNeeds(tx, needsId);
    const current = await tx.needsProposal.findFirst({
      where: { id: needsId, ...needsScope(actor) },
      select: { status: true, version: true, programId: true },
    });
    if (!current) throw new NotFoundError();
    if (!NEEDS_EDITABLE.includes(current.status)) throw new ValidationError('notEditable');
    if (current.version !== version) throw new ConflictError('staleRecord');
    await assertProgramChoice(tx, content.programId, current.programId);
    const { count } = await tx.needsProposal.updateMany({
      where: { id: needsId, version },
      data: { ...contentData(content), version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError('staleRecord');
    await recordAudit(tx, actor, { action: 'needs.update', entityType: 'NeedsProposal', entityId: needsId });
    return { needsId, version: version + 1 };
  });
}

export type NeedsRow = {
  id: string;
  title: string;
  code: string | null;
  status: NeedsStatus;
  version: number;
  organizationId: string;
  callId: string;
};
export type NeedsPlan = { data?: Prisma.NeedsProposalUncheckedUpdateManyInput; after?: Record<string, unknown> };

export const needsRowSelect = {
  id: true,
  title: true,
  code: true,
  status: true,
  version: true,
  organizationId: true,
  callId: true,
} as const;

/**
 * The one place a needs proposal's status changes, inside the caller's transaction and after the caller has
 * locked and loaded the row (through the actor's scope): the table decides, the version must be the one the
 * user saw ("reload" otherwise), and the change and its audit row are written together.
 */
export async function applyNeedsTransition(
  tx: Tx,
  actor: Actor,
  needs: NeedsRow,
  version: number,
  action: NeedsAction,
  plan: NeedsPlan = {},
) {
  const check = NEEDS_MACHINE.check(needs.status, action, actor.role);
  if (!check.ok) {
    if (check.reason === 'roleNotAllowed') throw new ForbiddenError('transitionRole');
    if (needs.version !== version) throw new ConflictError('staleRecord');
    throw new ValidationError('transitionNotAllowed', {}, { action, status: needs.status });
  }
  if (needs.version !== version) throw new ConflictError('staleRecord');
  const { count } = await tx.needsProposal.updateMany({
    where: { id: needs.id, status: needs.status, version },
    data: { ...plan.data, status: check.to, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError('staleRecord');
  await recordAudit(tx, actor, {
    action: `needs.${action}` as AuditAction,
    entityType: 'NeedsProposal',
    entityId: needs.id,
    before: { status: needs.status },
    after: { status: check.to, ...plan.after },
  });
  return { needsId: needs.id, status: check.to, version: version + 1 };
}

/** Locks needs proposals (in id order, so two batches never deadlock). */
export async function lockNeeds(tx: Tx, needsIds: string | string[]) {
  const ids = [...new Set(Array.isArray(needsIds) ? needsIds : [needsIds])].sort();
  if (ids.length) await tx.$queryRaw`SELECT 1 FROM "NeedsProposal" WHERE "id" = ANY(${ids}::text[]) ORDER BY "id" FOR UPDATE`;
}

/**
 * One proposal's status change: under its row lock, loaded through the actor's scope (outside it: 404), the
 * guard checks the move's own rules and says what else to write; then applyNeedsTransition.
 */
async function runNeedsTransition(
  actor: Actor,
  ref: { needsId: string; version: number },
  action: NeedsAction,
  guard: (needs: NeedsRow, tx: Tx) => Promise<NeedsPlan> | NeedsPlan,
  after?: (needs: NeedsRow, tx: Tx) => Promise<void>,
) {
  return prisma.$transaction(async (tx) => {
    await lockNeeds(tx, ref.needsId);
    const needs = await tx.needsProposal.findFirst({ where: { id: ref.needsId, ...needsScope(actor) }, select: needsRowSelect });
    if (!needs) throw new NotFoundError();
    // The table and the version first: a guard's own refusal is only said of a move that could happen.
    const check = NEEDS_MACHINE.check(needs.status, action, actor.role);
    const plan = check.ok && needs.version === ref.version ? await guard(needs, tx) : {};
    const result = await applyNeedsTransition(tx, actor, needs, ref.version, action, plan);
    await after?.(needs, tx);
    return result;
  });
}

/** What keeps a stored needs proposal from being submitted: field messages by path (empty when ready). */
export function needsProblems(stored: Parameters<typeof needsToFormValues>[0]): Record<string, string[]> {
  const parsed = ZNeedsReadyToSubmit.safeParse(needsToFormValues(stored));
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

async function nextNeedsCode(tx: Tx, year: number) {
  const counter = await tx.needsCodeCounter.upsert({ where: { year }, create: { year, last: 1 }, update: { last: { increment: 1 } } });
  return `DX-${year}-${String(counter.last).padStart(3, '0')}`;
}

/** Submit (DRAFT) or resubmit (RETURNED): ready to submit, while the needs call is open; the first gets a code. */
export async function submitNeeds(actor: Actor, raw: unknown, now = new Date()) {
  const ref = parseInput(ZNeedsRef, raw);
  const current = await prisma.needsProposal.findFirst({ where: { id: ref.needsId, ...needsScope(actor) }, select: { status: true } });
  if (!current) throw new NotFoundError();
  return runNeedsTransition(actor, ref, current.status === 'RETURNED' ? 'resubmit' : 'submit', async (needs, tx) => {
    const stored = await tx.needsProposal.findUniqueOrThrow({ where: { id: needs.id }, select: storedNeedsSelect });
    const problems = needsProblems(stored);
    if (Object.keys(problems).length) throw new ValidationError('needsIncomplete', problems);
    const call = await openNeedsCall(tx, needs.callId, now);
    if (call.state !== 'open') throw new ValidationError(call.state === 'closed' ? 'needsCallClosed' : 'callNotOpen');
    const code = needs.code ?? (await nextNeedsCode(tx, call.year));
    return { data: { submittedAt: now, code, returnNote: null }, after: { code } };
  });
}

export async function withdrawNeeds(actor: Actor, raw: unknown) {
  const ref = parseInput(ZNeedsRef, raw);
  return runNeedsTransition(actor, ref, 'withdraw', () => ({}));
}

/** The department returns a submitted proposal for completion, saying what is missing. */
export async function returnNeeds(actor: Actor, raw: unknown) {
  const input = parseInput(ZReturnNeeds, raw);
  return runNeedsTransition(
    actor,
    input,
    'return',
    () => ({ data: { returnNote: input.note }, after: { note: input.note } }),
    async (needs, tx) => {
      await notify(tx, await organizationRecipients(tx, needs.organizationId), 'needsReturned', null, {
        title: needs.title,
        needsId: needs.id,
      });
    },
  );
}

/**
 * The department folds a duplicate into the proposal that covers the same need (same needs call, still in
 * screening or under identification): the duplicate is MERGED and keeps a link to it.
 */
export async function mergeNeeds(actor: Actor, raw: unknown) {
  const input = parseInput(ZMergeNeeds, raw);
  if (input.intoId === input.needsId) throw new ValidationError('invalidInput', { intoId: ['validation.mergeIntoItself'] });
  return runNeedsTransition(
    actor,
    input,
    'merge',
    async (needs, tx) => {
      const into = await tx.needsProposal.findFirst({
        where: { id: input.intoId },
        select: { id: true, callId: true, status: true, code: true },
      });
      if (!into || into.callId !== needs.callId || !NEEDS_MERGE_TARGETS.includes(into.status)) {
        throw new ValidationError('invalidInput', { intoId: ['validation.mergeTarget'] });
      }
      return { data: { mergedIntoId: into.id }, after: { mergedInto: into.code ?? into.id } };
    },
    async (needs, tx) => {
      await notify(tx, await organizationRecipients(tx, needs.organizationId), 'needsMerged', null, {
        title: needs.title,
        needsId: needs.id,
      });
    },
  );
}

const listSelect = {
  id: true,
  code: true,
  title: true,
  status: true,
  field: true,
  budgetEstimate: true,
  durationMonths: true,
  updatedAt: true,
  submittedAt: true,
  organization: { select: { id: true, name: true } },
  call: { select: { id: true, title: true, year: true } },
} as const;

/** The department's list's filters (drafts are not shown) and search by code or title ignoring case and diacritics. */
async function needsQuery(actor: Actor, rawFilter: unknown) {
  if (!can(actor.role, 'tasks.viewAll')) throw new ForbiddenError();
  const f = ZNeedsFilter.parse(rawFilter ?? {});
  const where: Prisma.NeedsProposalWhereInput = {
    ...(f.status ? { status: f.status } : { status: { not: 'DRAFT' } }),
    ...(f.callId ? { callId: f.callId } : {}),
    ...(f.field ? { field: f.field } : {}),
    ...(f.organizationId ? { organizationId: f.organizationId } : {}),
    ...(await foldedSearch('NeedsProposal', f.q)),
  };
  return { f, where };
}

const needsOrder: Prisma.NeedsProposalOrderByWithRelationInput[] = [{ updatedAt: 'desc' }, { id: 'asc' }];

/** The department's list of needs proposals: filters and search, paginated on the server (drafts are not shown). */
export async function listNeeds(actor: Actor, rawFilter: unknown) {
  const { f, where } = await needsQuery(actor, rawFilter);
  const [total, rows] = await Promise.all([
    prisma.needsProposal.count({ where }),
    prisma.needsProposal.findMany({
      where,
      orderBy: needsOrder,
      ...pageWindow(f.page, NEEDS_PAGE_SIZE),
      select: listSelect,
    }),
  ]);
  return { total, page: f.page, pageSize: NEEDS_PAGE_SIZE, rows, filter: f };
}

/** Every needs proposal of the department's list as filtered (all pages, its order), for an export. */
export async function exportNeedsRows(actor: Actor, rawFilter: unknown) {
  const { where } = await needsQuery(actor, rawFilter);
  return inBatches((skip, take) =>
    prisma.needsProposal.findMany({
      where,
      orderBy: needsOrder,
      skip,
      take,
      select: { ...listSelect, program: { select: { code: true } } },
    }),
  );
}

/** An organization's own needs proposals, newest first. */
export async function listOwnNeeds(actor: Actor, page = 1) {
  if (!can(actor.role, 'tasks.propose')) throw new ForbiddenError();
  const where = needsScope(actor);
  const [total, rows] = await Promise.all([
    prisma.needsProposal.count({ where }),
    prisma.needsProposal.findMany({
      where,
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      ...pageWindow(page, NEEDS_PAGE_SIZE),
      select: listSelect,
    }),
  ]);
  return { total, page, pageSize: NEEDS_PAGE_SIZE, rows };
}

/** One needs proposal as this actor may see it (outside the actor's scope: 404), with what absorbed it or what it absorbed. */
export async function getNeeds(actor: Actor, rawId: string) {
  const needsId = idOrNotFound(rawId);
  const needs = await prisma.needsProposal.findFirst({
    where: { id: needsId, ...needsScope(actor) },
    select: {
      ...listSelect,
      ...storedNeedsSelect,
      version: true,
      returnNote: true,
      createdAt: true,
      call: { select: { id: true, title: true, year: true, opensAt: true, closesAt: true } },
      mergedInto: { select: { id: true, code: true, title: true } },
      program: { select: { id: true, code: true, name: true } },
      absorbed: { select: { id: true, code: true, title: true, organization: { select: { name: true } } } },
    },
  });
  if (!needs) throw new NotFoundError();
  return needs;
}

/** Proposals of the same needs call this one may be merged into (the department's merge form). */
export async function listMergeTargets(actor: Actor, rawId: string) {
  const needsId = idOrNotFound(rawId);
  if (!can(actor.role, 'tasks.viewAll')) throw new ForbiddenError();
  const needs = await prisma.needsProposal.findUnique({ where: { id: needsId }, select: { callId: true } });
  if (!needs) throw new NotFoundError();
  return prisma.needsProposal.findMany({
    where: { callId: needs.callId, id: { not: needsId }, status: { in: [...NEEDS_MERGE_TARGETS] } },
    orderBy: [{ code: 'asc' }, { id: 'asc' }],
    take: 500,
    select: { id: true, code: true, title: true, organization: { select: { name: true } } },
  });
}
