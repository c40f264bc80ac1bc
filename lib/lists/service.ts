import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { prisma, type Tx } from '@/lib/server/db';
import { foldedSearch } from '@/lib/server/search';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { idOrNotFound, parseInput } from '@/lib/server/validation';
import type { Actor } from '@/lib/server/actor';
import { can } from '@/lib/domain/permissions';
import {
  LISTED_MACHINE,
  ORDER_LIST_MACHINE,
  type ListedAction,
  type ListedStatus,
  type OrderListAction,
  type OrderListStatus,
} from '@/lib/domain/listed-task-workflow';
import { pageWindow } from '@/lib/domain/paging';
import { inBatches } from '@/lib/domain/batches';
import { recordAudit } from '@/lib/audit/record';
import type { AuditAction } from '@/lib/audit/kinds';
import { notify, organizationRecipients } from '@/lib/notifications/service';
import { applyNeedsTransition, lockNeeds, needsRowSelect } from '@/lib/needs/service';
import { assertProgramChoice } from '@/lib/programs/service';
import {
  ZAddListItems,
  ZCreateOrderList,
  ZDecideOrderList,
  ZListedFilters,
  ZListRef,
  ZRemoveListItem,
  ZSubmitOrderList,
  ZUpdateListItem,
  ZUrgentListedTask,
  ZOpenListed,
} from './schemas';

// The list of ordered tasks proposed to UBND (danh mục nhiệm vụ đề nghị đặt hàng) and the listed tasks
// (domain.md phase 1 step 3). Staff assemble a list for a plan year from the recommended needs proposals, edit the
// refined content, and send it; the leader records UBND's decision: the approved items become listed tasks (with
// a DM code), the struck ones end, and each needs proposal follows (LISTED or STRUCK) through the needs table.
// Every status change is checked by the tables of lib/domain/listed-task-workflow.ts, under the list's lock and
// the version the user saw, with its audit row in the same transaction.

export const LISTS_PAGE_SIZE = 25;
export const LISTED_PAGE_SIZE = 50;

function assertDepartment(actor: Actor) {
  if (!can(actor.role, 'lists.manage')) throw new ForbiddenError();
}

/** The table's verdict on a move; refusals are "forbidden" for the wrong role, "not from this status" otherwise. */
function checkMove<S extends string>(check: { ok: true; to: S } | { ok: false; reason: string }, action: string, status: string): S {
  if (check.ok) return check.to;
  if (check.reason === 'roleNotAllowed') throw new ForbiddenError('transitionRole');
  throw new ValidationError('transitionNotAllowed', {}, { action, status });
}

const listMove = (status: OrderListStatus | null, action: OrderListAction, actor: Actor) =>
  checkMove(ORDER_LIST_MACHINE.check(status, action, actor.role), action, status ?? '');
const listedMove = (status: ListedStatus | null, action: ListedAction, actor: Actor) =>
  checkMove(LISTED_MACHINE.check(status, action, actor.role), action, status ?? '');

/** Locks the list, checks the version the user saw, and returns it. */
async function lockedList(tx: Tx, listId: string, version: number) {
  await tx.$queryRaw`SELECT 1 FROM "OrderList" WHERE "id" = ${listId} FOR UPDATE`;
  const list = await tx.orderList.findUnique({
    where: { id: listId },
    select: { id: true, status: true, version: true, planYear: true, title: true },
  });
  if (!list) throw new NotFoundError();
  if (list.version !== version) throw new ConflictError('staleRecord');
  return list;
}

async function bumpList(tx: Tx, listId: string, data: Prisma.OrderListUpdateInput = {}) {
  return tx.orderList.update({ where: { id: listId }, data: { ...data, version: { increment: 1 } }, select: { version: true } });
}

async function nextListedCode(tx: Tx, year: number) {
  const counter = await tx.listedTaskCodeCounter.upsert({ where: { year }, create: { year, last: 1 }, update: { last: { increment: 1 } } });
  return `DM-${year}-${String(counter.last).padStart(3, '0')}`;
}

/** An active organization named for direct assignment (otherwise refused on the field). */
async function assertDirectOrganization(tx: Tx, id: string | null | undefined) {
  if (!id) return;
  if (!(await tx.organization.findFirst({ where: { id, status: 'ACTIVE' }, select: { id: true } })))
    throw new ValidationError('invalidInput', { directOrganizationId: ['validation.choose'] });
}

// ---------------------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------------------

export async function listOrderLists(actor: Actor, page = 1) {
  assertDepartment(actor);
  const [total, rows] = await Promise.all([
    prisma.orderList.count(),
    prisma.orderList.findMany({
      orderBy: [{ planYear: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
      ...pageWindow(page, LISTS_PAGE_SIZE),
      select: {
        id: true,
        planYear: true,
        title: true,
        status: true,
        decisionNumber: true,
        decisionDate: true,
        submittedAt: true,
        _count: { select: { items: true } },
      },
    }),
  ]);
  return { total, page, pageSize: LISTS_PAGE_SIZE, rows };
}

/** What the form of a new list starts from (those who may create one): the coming plan year. */
export async function newOrderListDefaults(actor: Actor) {
  assertDepartment(actor);
  listMove(null, 'create', actor);
  return { defaultYear: new Date().getFullYear() + 1 };
}

export async function createOrderList(actor: Actor, raw: unknown) {
  assertDepartment(actor);
  const input = parseInput(ZCreateOrderList, raw);
  listMove(null, 'create', actor);
  return prisma.$transaction(async (tx) => {
    const list = await tx.orderList.create({ data: { ...input, createdById: actor.id }, select: { id: true } });
    await recordAudit(tx, actor, { action: 'list.create', entityType: 'OrderList', entityId: list.id, after: input });
    return { listId: list.id };
  });
}

const itemSelect = {
  id: true,
  code: true,
  status: true,
  version: true,
  title: true,
  field: true,
  objectives: true,
  products: true,
  method: true,
  directOrganizationId: true,
  directOrganization: { select: { name: true } },
  directReason: true,
  durationMonths: true,
  budgetEstimate: true,
  struckReason: true,
  programId: true,
  program: { select: { id: true, code: true, name: true } },
  needsProposal: { select: { id: true, code: true, title: true, organization: { select: { name: true } } } },
} as const;

/**
 * One list for the department: its items, the recommended needs proposals of its plan year not yet on a list
 * (what may be added), and the moves this user may make.
 */
export async function getOrderList(actor: Actor, rawId: string) {
  assertDepartment(actor);
  const id = idOrNotFound(rawId);
  const list = await prisma.orderList.findUnique({
    where: { id },
    select: {
      id: true,
      planYear: true,
      title: true,
      status: true,
      version: true,
      letterNumber: true,
      submittedAt: true,
      decisionNumber: true,
      decisionDate: true,
      decidedAt: true,
      createdAt: true,
      items: { orderBy: [{ code: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }], select: itemSelect },
    },
  });
  if (!list) throw new NotFoundError();
  const candidates =
    list.status === 'DRAFT'
      ? await prisma.needsProposal.findMany({
          where: { status: 'RECOMMENDED', call: { year: list.planYear }, listedTask: null },
          orderBy: [{ code: 'asc' }, { id: 'asc' }],
          take: 500,
          select: {
            id: true,
            code: true,
            title: true,
            refinedTitle: true,
            recommendedMethod: true,
            organization: { select: { name: true } },
          },
        })
      : [];
  return { ...list, candidates, actions: ORDER_LIST_MACHINE.available(list.status, actor.role) };
}

/**
 * Adds recommended needs proposals of the list's plan year to a draft list: each becomes an item with the
 * council's refined content and method (the department edits them afterwards). A proposal already on a list, or
 * no longer recommended, is refused and nothing is added.
 */
export async function addListItems(actor: Actor, raw: unknown) {
  assertDepartment(actor);
  const input = parseInput(ZAddListItems, raw);
  return prisma.$transaction(async (tx) => {
    const list = await lockedList(tx, input.listId, input.version);
    if (list.status !== 'DRAFT') throw new ValidationError('listNotDraft');
    const needsIds = [...new Set(input.needsIds)];
    await lockNeeds(tx, needsIds);
    const needs = await tx.needsProposal.findMany({
      where: { id: { in: needsIds }, status: 'RECOMMENDED', call: { year: list.planYear }, listedTask: null },
      select: {
        id: true,
        title: true,
        field: true,
        objectives: true,
        expectedResults: true,
        durationMonths: true,
        budgetEstimate: true,
        recommendedMethod: true,
        recommendedDirectOrgId: true,
        refinedTitle: true,
        refinedObjectives: true,
        refinedProducts: true,
        programId: true,
      },
    });
    if (needs.length !== needsIds.length) throw new ValidationError('invalidInput', { needsIds: ['validation.needsNotRecommended'] });
    const to = listedMove(null, 'propose', actor);
    await tx.listedTask.createMany({
      data: needs.map((n) => ({
        listId: list.id,
        planYear: list.planYear,
        status: to,
        needsProposalId: n.id,
        title: n.refinedTitle || n.title,
        field: n.field,
        objectives: n.refinedObjectives || n.objectives,
        products: n.refinedProducts || n.expectedResults,
        method: n.recommendedMethod ?? 'SELECTION',
        directOrganizationId: n.recommendedMethod === 'DIRECT' ? n.recommendedDirectOrgId : null,
        durationMonths: n.durationMonths,
        budgetEstimate: n.budgetEstimate,
        // A listed task made from a needs proposal belongs to the proposal's program.
        programId: n.programId,
      })),
    });
    const { version } = await bumpList(tx, list.id);
    await recordAudit(tx, actor, { action: 'list.addItems', entityType: 'OrderList', entityId: list.id, after: { needsIds } });
    return { listId: list.id, version, added: needs.length };
  });
}

/** One item of a list, for its edit form (the list must be a draft to save it). */
export async function getListItem(actor: Actor, rawListId: string, rawItemId: string) {
  assertDepartment(actor);
  const [listId, itemId] = [idOrNotFound(rawListId), idOrNotFound(rawItemId)];
  const item = await prisma.listedTask.findFirst({
    where: { id: itemId, listId },
    select: { ...itemSelect, list: { select: { id: true, title: true, status: true, planYear: true } } },
  });
  if (!item?.list) throw new NotFoundError();
  return { ...item, list: item.list };
}

/** Takes an item off a draft list (the needs proposal stays recommended and may be added again). */
export async function removeListItem(actor: Actor, raw: unknown) {
  assertDepartment(actor);
  const input = parseInput(ZRemoveListItem, raw);
  return prisma.$transaction(async (tx) => {
    const list = await lockedList(tx, input.listId, input.version);
    if (list.status !== 'DRAFT') throw new ValidationError('listNotDraft');
    const item = await tx.listedTask.findFirst({
      where: { id: input.itemId, listId: list.id },
      select: { id: true, title: true, needsProposalId: true },
    });
    if (!item) throw new NotFoundError();
    await tx.listedTask.delete({ where: { id: item.id } });
    const { version } = await bumpList(tx, list.id);
    await recordAudit(tx, actor, {
      action: 'list.removeItem',
      entityType: 'OrderList',
      entityId: list.id,
      before: { itemId: item.id, title: item.title, needsId: item.needsProposalId },
    });
    return { listId: list.id, version };
  });
}

/** Edits an item's content while its list is a draft (the item's own version guards concurrent edits). */
export async function updateListItem(actor: Actor, raw: unknown) {
  assertDepartment(actor);
  const input = parseInput(ZUpdateListItem, raw);
  return prisma.$transaction(async (tx) => {
    const found = await tx.listedTask.findUnique({ where: { id: input.itemId }, select: { listId: true } });
    if (!found?.listId) throw new NotFoundError();
    await tx.$queryRaw`SELECT 1 FROM "OrderList" WHERE "id" = ${found.listId} FOR UPDATE`;
    const item = await tx.listedTask.findUniqueOrThrow({
      where: { id: input.itemId },
      select: { id: true, version: true, programId: true, list: { select: { id: true, status: true } } },
    });
    if (item.version !== input.version) throw new ConflictError('staleRecord');
    if (item.list?.status !== 'DRAFT') throw new ValidationError('listNotDraft');
    const direct = input.method === 'DIRECT';
    if (direct) await assertDirectOrganization(tx, input.directOrganizationId);
    const programId = await assertProgramChoice(tx, input.programId, item.programId);
    const { itemId: _itemId, version: _version, ...content } = input;
    await tx.listedTask.update({
      where: { id: item.id },
      data: {
        ...content,
        field: content.field ?? null,
        directOrganizationId: direct ? content.directOrganizationId : null,
        directReason: direct ? (content.directReason ?? '') : '',
        durationMonths: content.durationMonths ?? null,
        budgetEstimate: content.budgetEstimate ?? null,
        programId,
        version: { increment: 1 },
      },
    });
    await bumpList(tx, item.list.id);
    await recordAudit(tx, actor, {
      action: 'list.updateItem',
      entityType: 'OrderList',
      entityId: item.list.id,
      after: { itemId: item.id, title: content.title, method: content.method },
    });
    return { itemId: item.id, version: item.version + 1 };
  });
}

async function moveList(
  actor: Actor,
  raw: { listId: string; version: number },
  action: OrderListAction,
  data: Prisma.OrderListUpdateInput = {},
) {
  return prisma.$transaction(async (tx) => {
    const list = await lockedList(tx, raw.listId, raw.version);
    const to = listMove(list.status, action, actor);
    if (action === 'submit' && (await tx.listedTask.count({ where: { listId: list.id } })) === 0) throw new ValidationError('listEmpty');
    const { version } = await bumpList(tx, list.id, { ...data, status: to });
    await recordAudit(tx, actor, {
      action: `list.${action}` as AuditAction,
      entityType: 'OrderList',
      entityId: list.id,
      before: { status: list.status },
      after: { status: to },
    });
    return { listId: list.id, status: to, version };
  });
}

/** Sends the list to UBND (it can no longer be edited unless recalled). */
export async function submitOrderList(actor: Actor, raw: unknown, now = new Date()) {
  assertDepartment(actor);
  const input = parseInput(ZSubmitOrderList, raw);
  return moveList(actor, input, 'submit', { letterNumber: input.letterNumber ?? null, submittedAt: now });
}

/** Takes the list back to correct it before UBND decides. */
export async function recallOrderList(actor: Actor, raw: unknown) {
  assertDepartment(actor);
  return moveList(actor, parseInput(ZListRef, raw), 'recall');
}

/**
 * Records UBND's approval decision on a submitted list (the leader): the items it struck end STRUCK with the
 * note, every other item becomes a listed task with its DM code and the decision; each needs proposal moves to
 * LISTED or STRUCK through the needs table and its organization is told. One transaction, under the list's lock
 * and the version the user saw (two leaders at once: one wins, the other is told to reload).
 */
export async function decideOrderList(actor: Actor, raw: unknown, now = new Date()) {
  assertDepartment(actor);
  const input = parseInput(ZDecideOrderList, raw);
  return prisma.$transaction(async (tx) => {
    const list = await lockedList(tx, input.listId, input.version);
    const to = listMove(list.status, 'decide', actor);
    const items = await tx.listedTask.findMany({
      where: { listId: list.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, status: true, needsProposalId: true },
    });
    const struck = new Set(input.struckIds);
    if ([...struck].some((id) => !items.some((i) => i.id === id)))
      throw new ValidationError('invalidInput', { struckIds: ['validation.choose'] });
    if (struck.size === items.length) throw new ValidationError('invalidInput', { struckIds: ['validation.allStruck'] });
    const needsIds = items.map((i) => i.needsProposalId).filter((x): x is string => !!x);
    await lockNeeds(tx, needsIds);
    const needs = new Map(
      (await tx.needsProposal.findMany({ where: { id: { in: needsIds } }, select: needsRowSelect })).map((n) => [n.id, n]),
    );
    let listed = 0;
    for (const item of items) {
      const strike = struck.has(item.id);
      const itemTo = listedMove(item.status, strike ? 'strike' : 'approve', actor);
      await tx.listedTask.update({
        where: { id: item.id },
        data: strike
          ? { status: itemTo, struckReason: input.struckNote ?? '', version: { increment: 1 } }
          : {
              status: itemTo,
              code: await nextListedCode(tx, list.planYear),
              decisionNumber: input.decisionNumber,
              decisionDate: input.decisionDate,
              version: { increment: 1 },
            },
      });
      if (!strike) listed += 1;
      const n = item.needsProposalId ? needs.get(item.needsProposalId) : undefined;
      if (!n) continue;
      await applyNeedsTransition(tx, actor, n, n.version, strike ? 'strike' : 'list', { after: { listId: list.id, itemId: item.id } });
      await notify(tx, await organizationRecipients(tx, n.organizationId), strike ? 'needsStruck' : 'needsListed', null, {
        title: n.title,
        needsId: n.id,
      });
    }
    const { version } = await bumpList(tx, list.id, {
      status: to,
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
      decidedAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'list.decide',
      entityType: 'OrderList',
      entityId: list.id,
      before: { status: list.status },
      after: { status: to, decisionNumber: input.decisionNumber, listed, struck: struck.size },
    });
    return { listId: list.id, version, listed, struck: struck.size };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Listed tasks
// ---------------------------------------------------------------------------------------------------------

/** An urgent task listed outside the cycle by its own decision (the leader). */
export async function createUrgentListedTask(actor: Actor, raw: unknown) {
  assertDepartment(actor);
  const input = parseInput(ZUrgentListedTask, raw);
  const to = listedMove(null, 'listUrgent', actor);
  return prisma.$transaction(async (tx) => {
    const direct = input.method === 'DIRECT';
    if (direct) await assertDirectOrganization(tx, input.directOrganizationId);
    const programId = await assertProgramChoice(tx, input.programId);
    const task = await tx.listedTask.create({
      data: {
        ...input,
        field: input.field ?? null,
        status: to,
        urgent: true,
        code: await nextListedCode(tx, input.planYear),
        directOrganizationId: direct ? input.directOrganizationId : null,
        directReason: direct ? (input.directReason ?? '') : '',
        durationMonths: input.durationMonths ?? null,
        budgetEstimate: input.budgetEstimate ?? null,
        programId,
      },
      select: { id: true, code: true },
    });
    await recordAudit(tx, actor, {
      action: 'listed.listUrgent',
      entityType: 'ListedTask',
      entityId: task.id,
      after: { code: task.code, title: input.title, method: input.method, decisionNumber: input.decisionNumber },
    });
    return { listedTaskId: task.id, code: task.code };
  });
}

/** The listed tasks' filters (approved or urgent unless a status is asked) and search by code or title ignoring diacritics. */
async function listedQuery(actor: Actor, rawFilter: unknown) {
  assertDepartment(actor);
  const f = ZListedFilters.parse(rawFilter ?? {});
  const where: Prisma.ListedTaskWhereInput = {
    ...(f.status ? { status: f.status } : { status: { notIn: ['PROPOSED', 'STRUCK'] } }),
    ...(f.year ? { planYear: f.year } : {}),
    ...(f.method ? { method: f.method } : {}),
    ...(await foldedSearch('ListedTask', f.q)),
  };
  return { f, where };
}

const listedOrder: Prisma.ListedTaskOrderByWithRelationInput[] = [{ planYear: 'desc' }, { code: 'asc' }, { id: 'asc' }];

const listedRowSelect = {
  id: true,
  code: true,
  planYear: true,
  status: true,
  title: true,
  field: true,
  method: true,
  urgent: true,
  decisionNumber: true,
  decisionDate: true,
  budgetEstimate: true,
  directOrganization: { select: { name: true } },
} as const;

/** Listed tasks (approved by UBND or urgent) with filters, for the department. */
export async function listListedTasks(actor: Actor, rawFilter: unknown) {
  const { f, where } = await listedQuery(actor, rawFilter);
  const [total, rows] = await Promise.all([
    prisma.listedTask.count({ where }),
    prisma.listedTask.findMany({
      where,
      orderBy: listedOrder,
      ...pageWindow(f.page, LISTED_PAGE_SIZE),
      select: listedRowSelect,
    }),
  ]);
  return { total, page: f.page, pageSize: LISTED_PAGE_SIZE, rows, filter: f };
}

/** Every listed task of the list as filtered (all pages, its order), for an export. */
export async function exportListedTaskRows(actor: Actor, rawFilter: unknown) {
  const { where } = await listedQuery(actor, rawFilter);
  return inBatches((skip, take) =>
    prisma.listedTask.findMany({
      where,
      orderBy: listedOrder,
      skip,
      take,
      select: { ...listedRowSelect, durationMonths: true, program: { select: { code: true } } },
    }),
  );
}

/** Listed tasks that may be put to a selection notice: listed, or left unassigned by an earlier notice. */
export async function listOpenableListedTasks(actor: Actor) {
  assertDepartment(actor);
  return prisma.listedTask.findMany({
    where: { status: { in: ['LISTED', 'UNASSIGNED'] } },
    orderBy: [{ planYear: 'desc' }, { code: 'asc' }, { id: 'asc' }],
    take: 500,
    select: { id: true, code: true, title: true, method: true, status: true, directOrganization: { select: { name: true } } },
  });
}

/**
 * Puts listed tasks to a selection notice that has not closed: each moves to OPEN (from LISTED, or again from
 * UNASSIGNED) and receives dossiers in that notice. Every one must still be available (read under their locks),
 * otherwise nothing moves.
 */
export async function openListedTasks(actor: Actor, raw: unknown, now = new Date()) {
  assertDepartment(actor);
  const input = parseInput(ZOpenListed, raw);
  const ids = [...new Set(input.listedTaskIds)].sort();
  return prisma.$transaction(async (tx) => {
    const call = await tx.call.findFirst({ where: { id: input.callId, kind: 'SELECTION' }, select: { id: true, closesAt: true } });
    if (!call || call.closesAt <= now) throw new ValidationError('invalidInput', { callId: ['validation.noticeClosed'] });
    await tx.$queryRaw`SELECT 1 FROM "ListedTask" WHERE "id" = ANY(${ids}::text[]) ORDER BY "id" FOR UPDATE`;
    const rows = await tx.listedTask.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
    if (rows.length !== ids.length || rows.some((r) => r.status !== 'LISTED' && r.status !== 'UNASSIGNED'))
      throw new ValidationError('invalidInput', { listedTaskIds: ['validation.listedNotAvailable'] });
    for (const r of rows) {
      const action = r.status === 'UNASSIGNED' ? 'reopen' : 'open';
      const to = listedMove(r.status, action, actor);
      await tx.listedTask.update({ where: { id: r.id }, data: { status: to, callId: call.id, version: { increment: 1 } } });
      await recordAudit(tx, actor, {
        action: `listed.${action}` as AuditAction,
        entityType: 'ListedTask',
        entityId: r.id,
        before: { status: r.status },
        after: { status: to, callId: call.id },
      });
    }
    return { opened: rows.length };
  });
}
