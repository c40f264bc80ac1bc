// The SQL floor of each read `npm run bench` times (scripts/bench.ts): the SQL a careful engineer would write by hand
// for the same rows and columns the screen gets, sent straight through a `pg` Pool (no Prisma) in the same process,
// in as few round trips as the read allows: one statement for a queue page (its total and its rows), one for the
// overview, one for a dossier (with its access-log row, written in the same statement). The statistics use the app's
// own figure rules (lib/statistics/figures.ts), the tasks' figures read from the tasks that have an event in the
// period, found through each event's index.
import type pg from 'pg';
import { Prisma } from '../../lib/generated/prisma/client';
import { LIQUIDABLE } from '../../lib/domain/after-acceptance';
import { DEFAULT_SETTINGS } from '../../lib/domain/settings';
import { parseYearRange } from '../../lib/domain/statistics';
import { figureConditions, periodBounds, planFigures } from '../../lib/statistics/figures';
import type { Db } from '../../lib/server/prisma-client';

/** What a queue row shows (listSelect in lib/tasks/queries.ts), its host organization joined. */
const LIST_COLUMNS = `t."id", t."code", t."title", t."status", t."field", t."type", t."year", t."updatedAt", t."budgetTotal",
  o."id" AS "organizationId", o."name" AS "organizationName"`;

/** A condition on `"Task" t` with its parameters ($1, $2... in order). */
export type Condition = { sql: string; params: unknown[] };

export function createFloors(pool: pg.Pool) {
  const rows = async <R extends object = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await pool.query<R>(text, params)).rows;

  /** A queue page in one statement: the condition's total, and the page's rows joined to their organization. */
  async function queuePage(where: Condition, opts: { page?: number; size?: number; order?: string } = {}) {
    const { page = 1, size = 25, order = 't."updatedAt" DESC, t."id" ASC' } = opts;
    const n = where.params.length;
    const found = await rows<{ total: number; id: string | null }>(
      `SELECT c."total", p.* FROM (SELECT count(*)::int AS "total" FROM "Task" t WHERE ${where.sql}) c
       LEFT JOIN LATERAL (
         SELECT ${LIST_COLUMNS} FROM "Task" t JOIN "Organization" o ON o."id" = t."hostOrganizationId"
         WHERE ${where.sql} ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}) p ON true`,
      [...where.params, size, (page - 1) * size],
    );
    return { total: found[0]?.total ?? 0, rows: found.filter((r) => r.id !== null) };
  }

  /** The department's overview: counts by status, the 10 latest changed, the organizations waiting. */
  async function overview() {
    const [row] = await rows<{ counts: Record<string, number>; latest: { id: string }[]; pendingOrganizations: number }>(`SELECT
      (SELECT json_object_agg(s."status", s."n") FROM (SELECT "status", count(*)::int AS "n" FROM "Task" GROUP BY "status") s) AS "counts",
      (SELECT json_agg(x) FROM (
         SELECT ${LIST_COLUMNS} FROM "Task" t JOIN "Organization" o ON o."id" = t."hostOrganizationId"
         WHERE t."status" <> 'DRAFT' ORDER BY t."updatedAt" DESC, t."id" ASC LIMIT 10) x) AS "latest",
      (SELECT count(*)::int FROM "Organization" WHERE "status" = 'PENDING') AS "pendingOrganizations"`);
    return row;
  }

  /**
   * A task's dossier as the department sees it (dossierSelect and the lists of getTaskDossier in
   * lib/tasks/service.ts), the settings it judges lateness with, and the access-log row of the read.
   */
  async function dossier(actorId: string, taskId: string) {
    type List = Record<string, unknown>[];
    const [row] = await rows<{ id: string; attachments: List; partnerOrganizations: List; events: List; reports: List; extensions: List }>(
      `WITH "logged" AS (
         INSERT INTO "AccessLog" ("actorId", "kind", "recordId", "taskId") SELECT $2, 'DOSSIER', "id", "id" FROM "Task" WHERE "id" = $1)
       SELECT t."id", t."code", t."title", t."type", t."field", t."year", t."status", t."version", t."piName", t."piDegree",
         t."piTitle", t."piEmail", t."piPhone", t."keyMembers", t."partnerNames", t."objectives", t."contentMethods",
         t."expectedProducts", t."applicationPlan", t."budgetTotal", t."budgetState", t."budgetOther", t."durationMonths",
         t."proposedStart", t."submittedAt", t."approvalDecisionNo", t."approvalDecisionDate", t."approvedBudget",
         t."approvedDurationMonths", t."contractNo", t."contractSignedAt", t."startDate", t."originalEndDate", t."endDate",
         t."fundedAmount", t."acceptanceRequestedAt", t."finalReportSummary", t."selfAssessment", t."acceptanceDecisionNo",
         t."acceptanceDecisionDate", t."acceptanceGrade", t."createdAt", t."updatedAt", t."beneficiaryEnterprise",
         t."supportAmount", t."selectionScore", t."selectionRank", t."selectionOf", t."revisionRequestedAt", t."revisionNote",
         t."revisedAt",
         (SELECT json_build_object('id', c."id", 'title', c."title", 'opensAt', c."opensAt", 'closesAt', c."closesAt")
            FROM "Call" c WHERE c."id" = t."callId") AS "call",
         (SELECT json_build_object('id', l."id", 'code', l."code", 'title', l."title", 'method', l."method", 'callId', l."callId")
            FROM "ListedTask" l WHERE l."id" = t."listedTaskId") AS "listedTask",
         (SELECT json_build_object('id', p."id", 'code', p."code", 'name', p."name") FROM "Program" p WHERE p."id" = t."programId") AS "program",
         (SELECT json_build_object('contentRemarks', a."contentRemarks", 'items', a."items", 'requestedStateBudget', a."requestedStateBudget",
            'approvedStateBudget', a."approvedStateBudget", 'approvedDurationMonths', a."approvedDurationMonths",
            'overRequestReason', a."overRequestReason", 'appraisedAt', a."appraisedAt")
            FROM "Appraisal" a WHERE a."taskId" = t."id") AS "appraisal",
         json_build_object('id', o."id", 'name', o."name") AS "hostOrganization",
         (SELECT coalesce(json_agg(json_build_object('id', po."id", 'name', po."name")), '[]')
            FROM "_TaskPartners" tp JOIN "Organization" po ON po."id" = tp."A" WHERE tp."B" = t."id") AS "partnerOrganizations",
         (SELECT coalesce(json_agg(json_build_object('id', f."id", 'kind', f."kind", 'fileName', f."fileName", 'size', f."size",
            'mimeType', f."mimeType", 'createdAt', f."createdAt", 'publishedAt', f."publishedAt") ORDER BY f."createdAt"), '[]')
            FROM "Attachment" f WHERE f."taskId" = t."id") AS "attachments",
         (SELECT coalesce(json_agg(json_build_object('id', e."id", 'action', e."action", 'fromStatus', e."fromStatus",
            'toStatus', e."toStatus", 'note', e."note", 'createdAt', e."createdAt", 'internalNote', e."internalNote",
            'actor', json_build_object('name', u."name", 'role', u."role")) ORDER BY e."createdAt", e."id"), '[]')
            FROM "TaskEvent" e JOIN "User" u ON u."id" = e."actorId" WHERE e."taskId" = t."id") AS "events",
         (SELECT coalesce(json_agg(json_build_object('id', r."id", 'dueDate', r."dueDate", 'workDone', r."workDone",
            'productsSoFar', r."productsSoFar", 'amountSpent', r."amountSpent", 'status', r."status", 'reviewNote', r."reviewNote",
            'reviewedAt', r."reviewedAt", 'submittedAt', r."submittedAt",
            'attachments', (SELECT coalesce(json_agg(json_build_object('id', ra."id", 'fileName', ra."fileName", 'size', ra."size")), '[]')
              FROM "Attachment" ra WHERE ra."progressReportId" = r."id")) ORDER BY r."dueDate"), '[]')
            FROM "ProgressReport" r WHERE r."taskId" = t."id") AS "reports",
         (SELECT coalesce(json_agg(json_build_object('id', x."id", 'currentEndDate', x."currentEndDate",
            'requestedEndDate', x."requestedEndDate", 'reason', x."reason", 'status', x."status", 'decisionNote', x."decisionNote",
            'decidedAt', x."decidedAt", 'createdAt', x."createdAt") ORDER BY x."createdAt"), '[]')
            FROM "ExtensionRequest" x WHERE x."taskId" = t."id") AS "extensions",
         (SELECT "value" FROM "Setting" WHERE "key" = 'department') AS "settings"
       FROM "Task" t JOIN "Organization" o ON o."id" = t."hostOrganizationId" WHERE t."id" = $1`,
      [taskId, actorId],
    );
    return row;
  }

  /** The same $queryRaw the app's figures send, run through pg instead of Prisma. */
  const viaPg = {
    $queryRaw: async (strings: TemplateStringsArray, ...values: unknown[]) => {
      const sql = Prisma.sql(strings, ...(values as Prisma.Sql[]));
      return rows(sql.text, sql.values);
    },
  } as unknown as Db;

  /**
   * Every task figure of the period with its budgets, in total and by field, kind, organization and program: the
   * statement of taskFigures (lib/statistics/figures.ts), over the tasks with an event in the period found first
   * through each event's own index (a UNION of ids), where the app's one WHERE of ORs with EXISTS scans every task.
   */
  async function taskFigureRows(year: number) {
    const range = parseYearRange({ year: String(year) }, year);
    const c = figureConditions(range);
    const b = periodBounds(range);
    const liquidatedIn = Prisma.sql`(l."liquidatedOn" >= ${b.dayFrom} AND l."liquidatedOn" < ${b.dayTo})`;
    const sql = Prisma.sql`
      WITH "inPeriod" AS (
        SELECT t."id" FROM "Task" t WHERE ${Prisma.join([c.dossiers, c.approved, c.contracted, c.accepted, c.notAccepted, c.terminated], ' OR ')}
        UNION SELECT r."taskId" FROM "ResultRegistration" r
          WHERE r."status" = 'REGISTERED' AND r."certificateDate" >= ${b.dayFrom} AND r."certificateDate" < ${b.dayTo}
        UNION SELECT l."taskId" FROM "Liquidation" l WHERE ${liquidatedIn}
        UNION SELECT a."taskId" FROM "ApplicationReport" a WHERE a."submittedAt" >= ${b.instantFrom} AND a."submittedAt" < ${b.instantTo})
      SELECT t."field"::text AS "field", t."type"::text AS "type", t."hostOrganizationId" AS "organizationId", t."programId" AS "programId",
        GROUPING(t."field", t."type", t."hostOrganizationId", t."programId")::int AS g,
        count(*) FILTER (WHERE ${c.dossiers}) AS "dossiers",
        count(*) FILTER (WHERE ${c.approved}) AS "approved",
        count(*) FILTER (WHERE ${c.contracted}) AS "contracted",
        count(*) FILTER (WHERE ${c.accepted}) AS "accepted",
        count(*) FILTER (WHERE ${c.accepted} AND t."acceptanceGrade" = 'EXCELLENT') AS "acceptedExcellent",
        count(*) FILTER (WHERE ${c.accepted} AND t."acceptanceGrade" = 'PASS') AS "acceptedPass",
        count(*) FILTER (WHERE ${c.notAccepted}) AS "notAccepted",
        count(*) FILTER (WHERE ${c.terminated}) AS "terminated",
        count(*) FILTER (WHERE ${c.registered}) AS "registered",
        count(*) FILTER (WHERE ${c.liquidated}) AS "liquidated",
        count(*) FILTER (WHERE ${c.applied}) AS "applied",
        sum(t."approvedBudget") FILTER (WHERE ${c.approved}) AS "approvedBudget",
        sum(t."fundedAmount") FILTER (WHERE ${c.contracted}) AS "contractedBudget",
        sum(l."disbursed") FILTER (WHERE ${liquidatedIn}) AS "disbursed",
        sum(l."refunded") FILTER (WHERE ${liquidatedIn}) AS "refunded"
      FROM "inPeriod" p JOIN "Task" t ON t."id" = p."id" LEFT JOIN "Liquidation" l ON l."taskId" = t."id"
      GROUP BY GROUPING SETS ((), (t."field"), (t."type"), (t."hostOrganizationId"), (t."programId"))`;
    type Row = { g: number; organizationId: string | null; programId: string | null } & Record<string, string | number | null>;
    const found = await rows<Row>(sql.text, sql.values);
    return {
      byOrganization: found.filter((r) => r.g === 13).map((r) => ({ key: r.organizationId })),
      byProgram: found.filter((r) => r.g === 14).map((r) => ({ key: r.programId })),
      rows: found,
    };
  }

  /**
   * The statistics of a year: the plan's two counts (the app's own statements, through pg), the tasks' figures, and
   * beside them the tasks that may owe something (owingWhere in lib/deadlines/obligations.ts) with what they have
   * handed in, in one statement; then the names behind the breakdowns' keys.
   */
  async function statistics(year: number) {
    const range = parseYearRange({ year: String(year) }, year);
    const [plan, tasks, owing] = await Promise.all([
      planFigures(viaPg, range),
      taskFigureRows(year),
      rows(
        `WITH s AS (SELECT coalesce((SELECT ("value"->>'applicationYears')::int FROM "Setting" WHERE "key" = 'department'), $1) AS "years")
         SELECT t."id", t."code", t."title", t."status", t."startDate", t."endDate", t."contractNo", t."acceptanceRequestedAt",
           t."acceptanceDecisionDate", t."closedAt", t."hostOrganizationId", o."name" AS "organizationName",
           ARRAY(SELECT r."dueDate" FROM "ProgressReport" r WHERE r."taskId" = t."id") AS "progressReportDues",
           (SELECT g."status" FROM "ResultRegistration" g WHERE g."taskId" = t."id") AS "registration",
           EXISTS (SELECT 1 FROM "Liquidation" l WHERE l."taskId" = t."id") AS "liquidated",
           (SELECT coalesce(json_agg(json_build_object('dueDate', a."dueDate", 'status', a."status")), '[]')
              FROM "ApplicationReport" a WHERE a."taskId" = t."id") AS "applicationReports"
         FROM "Task" t JOIN "Organization" o ON o."id" = t."hostOrganizationId", s
         WHERE t."status" = 'RUNNING'
           OR (t."status" = 'ACCEPTED' AND t."acceptanceDecisionDate" IS NOT NULL AND (
             NOT EXISTS (SELECT 1 FROM "ResultRegistration" g WHERE g."taskId" = t."id" AND g."status" <> 'RETURNED')
             OR EXISTS (SELECT 1 FROM "ApplicationReport" a WHERE a."taskId" = t."id" AND a."status" = 'NEEDS_REVISION')
             OR NOT EXISTS (SELECT 1 FROM "ApplicationReport" a WHERE a."taskId" = t."id" AND a."yearNo" = s."years"
               AND a."status" <> 'NEEDS_REVISION')))
           OR (t."status"::text = ANY($2) AND t."contractNo" IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM "Liquidation" l WHERE l."taskId" = t."id"))
         ORDER BY t."id" LIMIT 5000`,
        [DEFAULT_SETTINGS.applicationYears, [...LIQUIDABLE]],
      ),
    ]);
    const keys = (list: { key: string | null }[]) => list.map((r) => r.key).filter((k) => k !== null);
    const [names] = await rows<{ organizations: { id: string; name: string }[] | null; programs: { id: string }[] | null }>(
      `SELECT (SELECT json_agg(json_build_object('id', "id", 'name', "name")) FROM "Organization" WHERE "id" = ANY($1)) AS "organizations",
         (SELECT json_agg(json_build_object('id', "id", 'code', "code", 'name', "name")) FROM "Program" WHERE "id" = ANY($2)) AS "programs"`,
      [keys(tasks.byOrganization), keys(tasks.byProgram)],
    );
    return { plan, tasks, owing, names };
  }

  /** Every task of the queue with the export's columns, in the screen's order, in one statement. */
  async function exportRows() {
    return rows(
      `SELECT ${LIST_COLUMNS}, t."piName", t."approvedBudget", t."fundedAmount", t."approvalDecisionDate", t."startDate",
         t."endDate", p."code" AS "programCode"
       FROM "Task" t JOIN "Organization" o ON o."id" = t."hostOrganizationId" LEFT JOIN "Program" p ON p."id" = t."programId"
       WHERE t."status" <> 'DRAFT' ORDER BY t."updatedAt" DESC, t."id" ASC`,
    );
  }

  return { queuePage, overview, dossier, statistics, exportRows };
}
