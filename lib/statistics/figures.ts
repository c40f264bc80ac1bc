// The department's yearly figures (domain.md, "What the department reports each year"), each counted by its
// event's date in the period: one SQL statement per figure family (the year before the dossiers; the tasks, with
// their budgets, broken down by field, kind, host organization and program in the same statement), and the same
// conditions as a Prisma filter for the queue's drill-down, so a figure and its list cannot disagree.
// No `server-only`: the seed states its year's figures with these very queries.
import { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from '@/lib/server/prisma-client';
import { LISTED_APPROVED } from '@/lib/domain/listed-task-workflow';
import { periodDays, type TaskFigure, type YearRange } from '@/lib/domain/statistics';

/** A period's bounds as the columns store them: calendar days (UTC midnight) and instants (midnight in Vietnam). */
export function periodBounds(range: YearRange) {
  const { start, end } = periodDays(range);
  return {
    dayFrom: new Date(`${start}T00:00:00Z`),
    dayTo: new Date(`${end}T00:00:00Z`),
    instantFrom: new Date(`${start}T00:00:00+07:00`),
    instantTo: new Date(`${end}T00:00:00+07:00`),
  };
}

/**
 * The tasks each figure counts in a period, as SQL conditions on `"Task" t`: the one statement of each figure's
 * rule. The statistics count with them (below) and the queue's drill-down filters with them, so a figure and its
 * list cannot disagree.
 */
export function figureConditions(range: YearRange): Record<TaskFigure, Prisma.Sql> {
  const b = periodBounds(range);
  const inDays = (col: Prisma.Sql) => Prisma.sql`(${col} >= ${b.dayFrom} AND ${col} < ${b.dayTo})`;
  const inInstants = (col: Prisma.Sql) => Prisma.sql`(${col} >= ${b.instantFrom} AND ${col} < ${b.instantTo})`;
  const decided = inDays(Prisma.sql`t."acceptanceDecisionDate"`);
  return {
    dossiers: inInstants(Prisma.sql`t."submittedAt"`),
    approved: inDays(Prisma.sql`t."approvalDecisionDate"`),
    contracted: inDays(Prisma.sql`t."contractSignedAt"`),
    accepted: Prisma.sql`(t."status" = 'ACCEPTED' AND ${decided})`,
    notAccepted: Prisma.sql`(t."status" = 'NOT_ACCEPTED' AND ${decided})`,
    terminated: Prisma.sql`(t."status" = 'TERMINATED' AND ${inInstants(Prisma.sql`t."closedAt"`)})`,
    registered: Prisma.sql`EXISTS (SELECT 1 FROM "ResultRegistration" r WHERE r."taskId" = t."id" AND r."status" = 'REGISTERED'
      AND ${inDays(Prisma.sql`r."certificateDate"`)})`,
    liquidated: Prisma.sql`EXISTS (SELECT 1 FROM "Liquidation" l WHERE l."taskId" = t."id" AND ${inDays(Prisma.sql`l."liquidatedOn"`)})`,
    applied: Prisma.sql`EXISTS (SELECT 1 FROM "ApplicationReport" a WHERE a."taskId" = t."id" AND ${inInstants(Prisma.sql`a."submittedAt"`)})`,
  };
}

/** Needs proposals received and tasks listed by UBND in the period (the year before the dossiers). */
export async function planFigures(db: Db, range: YearRange) {
  const b = periodBounds(range);
  const statuses = [...LISTED_APPROVED];
  const [[needs], [listed]] = await Promise.all([
    db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "NeedsProposal" WHERE "submittedAt" >= ${b.instantFrom} AND "submittedAt" < ${b.instantTo}`,
    // Listed by UBND: on a list UBND decided in the period, or an urgent task UBND decided on its own. (The listed
    // tasks the dossier migration made for older dossiers belong to no list and are not urgent: not counted.)
    db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "ListedTask" lt LEFT JOIN "OrderList" l ON l."id" = lt."listId"
      WHERE lt."status"::text = ANY(${statuses})
        AND ((l."status" = 'DECIDED' AND l."decisionDate" >= ${b.dayFrom} AND l."decisionDate" < ${b.dayTo})
          OR (lt."urgent" AND lt."decisionDate" >= ${b.dayFrom} AND lt."decisionDate" < ${b.dayTo}))`,
  ]);
  return { needs: Number(needs.n), listed: Number(listed.n) };
}

export type TaskFigureRow = {
  dossiers: number;
  approved: number;
  contracted: number;
  accepted: number;
  acceptedExcellent: number;
  acceptedPass: number;
  notAccepted: number;
  terminated: number;
  registered: number;
  liquidated: number;
  applied: number;
  approvedBudget: bigint;
  contractedBudget: bigint;
  disbursed: bigint;
  refunded: bigint;
};

type Raw = { [K in keyof TaskFigureRow]: bigint | number | null } & {
  field: string | null;
  type: string | null;
  organizationId: string | null;
  programId: string | null;
  g: number;
};

const n = (v: bigint | number | null | undefined) => Number(v ?? 0);
const money = (v: bigint | number | null | undefined) => (v == null ? 0n : BigInt(v));
function toRow(r: Raw): TaskFigureRow {
  return {
    dossiers: n(r.dossiers),
    approved: n(r.approved),
    contracted: n(r.contracted),
    accepted: n(r.accepted),
    acceptedExcellent: n(r.acceptedExcellent),
    acceptedPass: n(r.acceptedPass),
    notAccepted: n(r.notAccepted),
    terminated: n(r.terminated),
    registered: n(r.registered),
    liquidated: n(r.liquidated),
    applied: n(r.applied),
    approvedBudget: money(r.approvedBudget),
    contractedBudget: money(r.contractedBudget),
    disbursed: money(r.disbursed),
    refunded: money(r.refunded),
  };
}

/**
 * Every task figure of the period with its budgets, in total and broken down by field, kind, host organization
 * and program: one statement (GROUPING SETS), reading only the tasks with an event in the period: the union of
 * each condition's tasks, each found through its own index (one `WHERE a OR b OR EXISTS …` would read every task).
 */
export async function taskFigures(db: Db, range: YearRange) {
  const c = figureConditions(range);
  const b = periodBounds(range);
  const liquidatedIn = Prisma.sql`(l."liquidatedOn" >= ${b.dayFrom} AND l."liquidatedOn" < ${b.dayTo})`;
  const rows = await db.$queryRaw<Raw[]>`
    SELECT t."field"::text AS "field", t."type"::text AS "type", t."hostOrganizationId" AS "organizationId",
      t."programId" AS "programId",
      GROUPING(t."field", t."type", t."hostOrganizationId", t."programId")::int AS g,
      count(*) FILTER (WHERE ${c.dossiers}) AS "dossiers",
      count(*) FILTER (WHERE ${c.approved}) AS "approved",
      count(*) FILTER (WHERE ${c.contracted}) AS "contracted",
      count(*) FILTER (WHERE ${c.accepted}) AS "accepted",
      count(*) FILTER (WHERE ${c.accepted} AND t."acceptanceGrade" = 'EXCELLENT') AS "acceptedExcellent",
      count(*) FILTER (WHERE ${c.accepted} AND t."acceptanceGrade" = 'PASS') AS "acceptedPass",
      count(*) FILTER (WHERE ${c.notAccepted}) AS "notAccepted",
      count(*) FILTER (WHERE ${c.terminated}) AS "terminated",
      count(*) FILTER (WHERE e."registered") AS "registered",
      count(*) FILTER (WHERE e."liquidated") AS "liquidated",
      count(*) FILTER (WHERE e."applied") AS "applied",
      sum(t."approvedBudget") FILTER (WHERE ${c.approved}) AS "approvedBudget",
      sum(t."fundedAmount") FILTER (WHERE ${c.contracted}) AS "contractedBudget",
      sum(l."disbursed") FILTER (WHERE ${liquidatedIn}) AS "disbursed",
      sum(l."refunded") FILTER (WHERE ${liquidatedIn}) AS "refunded"
    FROM "Task" t
    LEFT JOIN "Liquidation" l ON l."taskId" = t."id"
    CROSS JOIN LATERAL (SELECT ${c.registered} AS "registered", ${c.liquidated} AS "liquidated", ${c.applied} AS "applied") e
    WHERE t."id" IN (${Prisma.join(
      Object.values(c).map((cond) => Prisma.sql`SELECT t."id" FROM "Task" t WHERE ${cond}`),
      ' UNION ',
    )})
    GROUP BY GROUPING SETS ((), (t."field"), (t."type"), (t."hostOrganizationId"), (t."programId"))`;
  // GROUPING bits, left to right: field 8, type 4, organization 2, program 1 (a bit set = not grouped by it).
  const total = rows.find((r) => r.g === 15);
  const by = (bit: number, key: (r: Raw) => string | null) =>
    rows.filter((r) => r.g === 15 - bit).map((r) => ({ key: key(r), figures: toRow(r) }));
  return {
    total: total ? toRow(total) : toRow({ g: 15 } as Raw),
    byField: by(8, (r) => r.field),
    byType: by(4, (r) => r.type),
    byOrganization: by(2, (r) => r.organizationId),
    byProgram: by(1, (r) => r.programId),
  };
}

export type TaskFigures = Awaited<ReturnType<typeof taskFigures>>;

export type FormRow = {
  running: number;
  started: number;
  continuing: number;
  assessed: number;
  accepted: number;
  acceptedExcellent: number;
  acceptedPass: number;
  notAccepted: number;
  terminated: number;
  startedBudget: bigint;
  disbursed: bigint;
  refunded: bigint;
};

/**
 * The provincial statistics form's figures of a year (Biểu 04/TKTH-KHCN-ĐP), by field and in total: the tasks
 * carried out in the year (contracted in it, or contracted before and continuing into it), those assessed
 * (accepted by grade, not accepted), terminated, and the state budget of the new ones, disbursed and refunded at
 * liquidation. One statement (GROUPING SETS).
 */
export async function formFigures(db: Db, year: number) {
  const b = periodBounds({ from: year, to: year });
  const started = Prisma.sql`(t."contractSignedAt" >= ${b.dayFrom} AND t."contractSignedAt" < ${b.dayTo})`;
  // Continuing: contracted before the year and still carried out in it, i.e. closed during the year, or not closed
  // and not yet past its (extended) end date when the year began. (A task left open long past its end is overdue,
  // on the overdue lists, not carried out.)
  const continuing = Prisma.sql`(t."contractSignedAt" < ${b.dayFrom} AND t."status" IN ('RUNNING', 'ACCEPTANCE_REVIEW', 'ACCEPTED', 'NOT_ACCEPTED', 'TERMINATED')
    AND ((t."closedAt" >= ${b.instantFrom} AND t."closedAt" < ${b.instantTo})
      OR (t."closedAt" IS NULL AND t."endDate" >= ${b.dayFrom})))`;
  const decided = Prisma.sql`(t."acceptanceDecisionDate" >= ${b.dayFrom} AND t."acceptanceDecisionDate" < ${b.dayTo})`;
  const terminated = Prisma.sql`(t."status" = 'TERMINATED' AND t."closedAt" >= ${b.instantFrom} AND t."closedAt" < ${b.instantTo})`;
  const liquidated = Prisma.sql`(l."liquidatedOn" >= ${b.dayFrom} AND l."liquidatedOn" < ${b.dayTo})`;
  const rows = await db.$queryRaw<(Record<string, bigint | number | null> & { field: string | null; g: number })[]>`
    SELECT t."field"::text AS "field", GROUPING(t."field")::int AS g,
      count(*) FILTER (WHERE ${started} OR ${continuing}) AS "running",
      count(*) FILTER (WHERE ${started}) AS "started",
      count(*) FILTER (WHERE ${continuing}) AS "continuing",
      count(*) FILTER (WHERE t."status" IN ('ACCEPTED', 'NOT_ACCEPTED') AND ${decided}) AS "assessed",
      count(*) FILTER (WHERE t."status" = 'ACCEPTED' AND ${decided}) AS "accepted",
      count(*) FILTER (WHERE t."status" = 'ACCEPTED' AND ${decided} AND t."acceptanceGrade" = 'EXCELLENT') AS "acceptedExcellent",
      count(*) FILTER (WHERE t."status" = 'ACCEPTED' AND ${decided} AND t."acceptanceGrade" = 'PASS') AS "acceptedPass",
      count(*) FILTER (WHERE t."status" = 'NOT_ACCEPTED' AND ${decided}) AS "notAccepted",
      count(*) FILTER (WHERE ${terminated}) AS "terminated",
      sum(t."fundedAmount") FILTER (WHERE ${started}) AS "startedBudget",
      sum(l."disbursed") FILTER (WHERE ${liquidated}) AS "disbursed",
      sum(l."refunded") FILTER (WHERE ${liquidated}) AS "refunded"
    FROM "Task" t LEFT JOIN "Liquidation" l ON l."taskId" = t."id"
    WHERE t."contractSignedAt" IS NOT NULL OR ${decided} OR ${terminated}
    GROUP BY GROUPING SETS ((), (t."field"))`;
  const toForm = (r?: Record<string, bigint | number | null>): FormRow => ({
    running: n(r?.running),
    started: n(r?.started),
    continuing: n(r?.continuing),
    assessed: n(r?.assessed),
    accepted: n(r?.accepted),
    acceptedExcellent: n(r?.acceptedExcellent),
    acceptedPass: n(r?.acceptedPass),
    notAccepted: n(r?.notAccepted),
    terminated: n(r?.terminated),
    startedBudget: money(r?.startedBudget),
    disbursed: money(r?.disbursed),
    refunded: money(r?.refunded),
  });
  return {
    total: toForm(rows.find((r) => r.g === 1)),
    byField: Object.fromEntries(rows.filter((r) => r.g === 0).map((r) => [r.field ?? 'none', toForm(r)])) as Record<string, FormRow>,
  };
}
