import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { prisma, type Tx } from '@/lib/server/db';
import { foldedSearch } from '@/lib/server/search';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { idOrNotFound, parseInput } from '@/lib/server/validation';
import type { Actor } from '@/lib/server/actor';
import { can } from '@/lib/domain/permissions';
import { pageParam, pageWindow } from '@/lib/domain/paging';
import { inBatches } from '@/lib/domain/batches';
import { yearInVietnam } from '@/lib/domain/format';
import { isProgramActive, PROGRAM_SPENDING_STATUSES, programBudget } from '@/lib/domain/programs';
import { changedFields, recordAudit } from '@/lib/audit/record';
import { ZProgram, ZProgramFilter, ZUpdateProgram } from './schemas';

// The province's S&T programs (chương trình KH&CN): the leader records them (name, years, goals, budget, the
// approving decision); the department reads them with their tasks and the budget used. A needs proposal, a listed
// task and a dossier may name one; the forms offer the programs active this year (organizations see only their
// names), and the services of those features check the choice here (assertProgramChoice).

export const PROGRAMS_PAGE_SIZE = 25;
export const PROGRAM_TASKS_PAGE_SIZE = 25;

function assertManager(actor: Actor) {
  if (!can(actor.role, 'programs.manage')) throw new ForbiddenError();
}

function assertViewer(actor: Actor) {
  if (!can(actor.role, 'programs.view')) throw new ForbiddenError();
}

/** The unique code taken by another program: refused on the code field. */
function codeTaken(e: unknown): never {
  if ((e as { code?: string }).code === 'P2002') throw new ValidationError('invalidInput', { code: ['validation.programCodeTaken'] });
  throw e;
}

export async function createProgram(actor: Actor, raw: unknown) {
  assertManager(actor);
  const input = parseInput(ZProgram, raw);
  const data = { ...input, decisionNo: input.decisionNo ?? null };
  return prisma
    .$transaction(async (tx) => {
      if (await tx.program.findUnique({ where: { code: data.code }, select: { id: true } }))
        throw new ValidationError('invalidInput', { code: ['validation.programCodeTaken'] });
      const program = await tx.program.create({ data: { ...data, createdById: actor.id }, select: { id: true, version: true } });
      await recordAudit(tx, actor, { action: 'program.create', entityType: 'Program', entityId: program.id, after: data });
      return { programId: program.id, version: program.version };
    })
    .catch(codeTaken);
}

/** Edits a program, naming the version the leader loaded (someone else's change first: "reload"). */
export async function updateProgram(actor: Actor, raw: unknown) {
  assertManager(actor);
  const { programId, version, ...input } = parseInput(ZUpdateProgram, raw);
  const data = { ...input, decisionNo: input.decisionNo ?? null };
  return prisma
    .$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Program" WHERE "id" = ${programId} FOR UPDATE`;
      const previous = await tx.program.findUnique({
        where: { id: programId },
        select: { version: true, code: true, name: true, startYear: true, endYear: true, goals: true, budget: true, decisionNo: true },
      });
      if (!previous) throw new NotFoundError();
      if (previous.version !== version) throw new ConflictError('staleRecord');
      if (data.code !== previous.code && (await tx.program.findUnique({ where: { code: data.code }, select: { id: true } })))
        throw new ValidationError('invalidInput', { code: ['validation.programCodeTaken'] });
      const { count } = await tx.program.updateMany({ where: { id: programId, version }, data: { ...data, version: { increment: 1 } } });
      if (count === 0) throw new ConflictError('staleRecord');
      const { version: _v, ...before } = previous;
      await recordAudit(tx, actor, {
        action: 'program.update',
        entityType: 'Program',
        entityId: programId,
        ...changedFields(before, { ...before, ...data }),
      });
      return { programId, version: version + 1 };
    })
    .catch(codeTaken);
}

const listSelect = {
  id: true,
  code: true,
  name: true,
  startYear: true,
  endYear: true,
  budget: true,
  decisionNo: true,
  _count: { select: { tasks: true, needs: true, listedTasks: true } },
} as const;

/** The programs' search, by code or name ignoring case and diacritics: the department. */
async function programQuery(actor: Actor, rawFilter: unknown) {
  assertViewer(actor);
  const f = ZProgramFilter.parse(rawFilter ?? {});
  const where: Prisma.ProgramWhereInput = await foldedSearch('Program', f.q);
  return { f, where };
}

const programOrder: Prisma.ProgramOrderByWithRelationInput[] = [{ startYear: 'desc' }, { code: 'asc' }, { id: 'asc' }];

/** The programs, newest first (search by code or name), a page at a time: the department. */
export async function listPrograms(actor: Actor, rawFilter: unknown, now = new Date()) {
  const { f, where } = await programQuery(actor, rawFilter);
  const [total, rows] = await Promise.all([
    prisma.program.count({ where }),
    prisma.program.findMany({
      where,
      orderBy: programOrder,
      ...pageWindow(f.page, PROGRAMS_PAGE_SIZE),
      select: listSelect,
    }),
  ]);
  const year = yearInVietnam(now);
  return {
    total,
    page: f.page,
    pageSize: PROGRAMS_PAGE_SIZE,
    rows: rows.map((r) => ({ ...r, active: isProgramActive(r, year) })),
    filter: f,
  };
}

/** Every program of the list as searched (all pages, its order, active this year or not), for an export. */
export async function exportProgramRows(actor: Actor, rawFilter: unknown, now = new Date()) {
  const { where } = await programQuery(actor, rawFilter);
  const year = yearInVietnam(now);
  return inBatches(async (skip, take) =>
    (await prisma.program.findMany({ where, orderBy: programOrder, skip, take, select: listSelect })).map((r) => ({
      ...r,
      active: isProgramActive(r, year),
    })),
  );
}

/**
 * Approved budgets of a program's spending tasks (PROGRAM_SPENDING_STATUSES) and the refunds their liquidations
 * recorded: one aggregate query over the program's tasks.
 */
async function programSpending(db: Tx | typeof prisma, programId: string) {
  const statuses: string[] = [...PROGRAM_SPENDING_STATUSES];
  const [row] = await db.$queryRaw<{ approved: bigint; refunded: bigint; tasks: bigint }[]>`
    SELECT COALESCE(SUM(t."approvedBudget"), 0)::bigint AS approved,
           COALESCE(SUM(l."refunded"), 0)::bigint AS refunded,
           COUNT(*)::bigint AS tasks
    FROM "Task" t LEFT JOIN "Liquidation" l ON l."taskId" = t."id"
    WHERE t."programId" = ${programId} AND t."status"::text = ANY(${statuses})`;
  return { approved: BigInt(row.approved), refunded: BigInt(row.refunded), tasks: Number(row.tasks) };
}

/**
 * One program for the department: the program, its budget used and remaining, how many needs proposals and
 * listed tasks name it, and a page of its tasks (every dossier but drafts: code, title, host, kind, status,
 * approved budget).
 */
export async function getProgram(actor: Actor, rawId: string, rawPage?: unknown, now = new Date()) {
  assertViewer(actor);
  const programId = idOrNotFound(rawId);
  const program = await prisma.program.findUnique({
    where: { id: programId },
    select: {
      ...listSelect,
      goals: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
    },
  });
  if (!program) throw new NotFoundError();
  const page = pageParam(rawPage);
  const where: Prisma.TaskWhereInput = { programId, status: { not: 'DRAFT' } };
  const [spending, total, tasks] = await Promise.all([
    programSpending(prisma, programId),
    prisma.task.count({ where }),
    prisma.task.findMany({
      where,
      orderBy: [{ code: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
      ...pageWindow(page, PROGRAM_TASKS_PAGE_SIZE),
      select: {
        id: true,
        code: true,
        title: true,
        type: true,
        status: true,
        approvedBudget: true,
        beneficiaryEnterprise: true,
        supportAmount: true,
        hostOrganization: { select: { name: true } },
      },
    }),
  ]);
  const { _count, ...rest } = program;
  return {
    program: { ...rest, active: isProgramActive(program, yearInVietnam(now)) },
    counts: { needs: _count.needs, listedTasks: _count.listedTasks, tasks: total, spending: spending.tasks },
    money: {
      ...programBudget(program.budget, spending.approved, spending.refunded),
      approved: spending.approved,
      refunded: spending.refunded,
    },
    tasks: { rows: tasks, total, page, pageSize: PROGRAM_TASKS_PAGE_SIZE },
  };
}

export type ProgramChoice = { id: string; code: string; name: string };

/**
 * The programs a form offers ("Thuộc chương trình"): those active this year, by code; plus the one the record
 * already names (`current`), even if it has ended, so an edit keeps it. Names only: organizations see no more.
 */
export async function listProgramChoices(actor: Actor, current?: string | null, now = new Date()): Promise<ProgramChoice[]> {
  if (!can(actor.role, 'programs.view') && !can(actor.role, 'tasks.propose')) throw new ForbiddenError();
  const year = yearInVietnam(now);
  return prisma.program.findMany({
    where: { OR: [{ startYear: { lte: year }, endYear: { gte: year } }, ...(current ? [{ id: current }] : [])] },
    orderBy: [{ code: 'asc' }, { id: 'asc' }],
    take: 200,
    select: { id: true, code: true, name: true },
  });
}

/**
 * The program a needs proposal, listed task or dossier is saved with: none, the one it already names (kept even
 * after the program ended), or a program active this year; anything else is refused on the `programId` field.
 */
export async function assertProgramChoice(tx: Tx, programId: string | null | undefined, current: string | null = null, now = new Date()) {
  if (!programId) return null;
  if (programId === current) return programId;
  const program = await tx.program.findUnique({ where: { id: programId }, select: { startYear: true, endYear: true } });
  if (!program || !isProgramActive(program, yearInVietnam(now)))
    throw new ValidationError('invalidInput', { programId: ['validation.programNotActive'] });
  return programId;
}
