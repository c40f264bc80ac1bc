import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/server/db';
import { can } from '@/lib/domain/permissions';
import { vietnamDay } from '@/lib/domain/format';
import { LIQUIDABLE, taskObligations, type Obligation, type ObligationKind } from '@/lib/domain/after-acceptance';
import { getSettings } from '@/lib/settings/service';
import { taskScope } from '@/lib/workflow/scope';
import type { Actor } from '@/lib/server/actor';

// What the tasks in an actor's sight owe today (progress reports, acceptance dossiers, result registrations,
// liquidations, application reports): read in one query, judged by the one rule (taskObligations in
// lib/domain/after-acceptance.ts). The bell's reminders, the department's overdue lists and the organization's
// "what we owe" all come from here.

export type ObligationRow = Obligation & {
  taskId: string;
  code: string | null;
  title: string;
  organizationId: string;
  organizationName: string;
};

/** At most this many tasks are judged per call: far above a province's open tasks; the lists show the worst first. */
const TASK_CAP = 5000;

/**
 * The tasks that may owe something (a prefilter: taskObligations decides). Running ones; accepted ones whose
 * registration is not in (none yet, or returned), or whose application reports are not all in (one sent back for
 * revision, or the last year's not sent: they come in order, so the last one sent means all were); unliquidated
 * ones. Each branch says exactly what taskObligations would owe, so nothing owed is ever left out, however old.
 */
function owingWhere(applicationYears: number): Prisma.TaskWhereInput {
  return {
    OR: [
      { status: 'RUNNING' },
      {
        status: 'ACCEPTED',
        acceptanceDecisionDate: { not: null },
        OR: [
          { registration: { is: null } },
          { registration: { is: { status: 'RETURNED' } } },
          { applicationReports: { some: { status: 'NEEDS_REVISION' } } },
          { applicationReports: { none: { yearNo: applicationYears, status: { not: 'NEEDS_REVISION' } } } },
        ],
      },
      { status: { in: [...LIQUIDABLE] }, contractNo: { not: null }, liquidation: { is: null } },
    ],
  };
}

/**
 * Every obligation overdue or due within the reminder window on `today`, of the tasks the actor may see (an
 * organization its own, the department all; nobody else owes or is owed anything here).
 */
export async function obligationRows(actor: Actor, now = new Date()): Promise<ObligationRow[]> {
  if (!can(actor.role, 'reminders.receive')) return [];
  if (actor.organizationId && actor.organizationStatus !== 'ACTIVE') return [];
  return judged(taskScope(actor), now);
}

/**
 * Every obligation of every task (or of `taskIds`), overdue or due within the reminder window on `today`, with
 * the host organization: what the daily deadline scan turns into reminders (lib/notifications/reminders.ts).
 */
export async function allObligationRows(now = new Date(), taskIds?: readonly string[]): Promise<ObligationRow[]> {
  return judged(taskIds ? { id: { in: [...taskIds] } } : {}, now);
}

async function judged(scope: Prisma.TaskWhereInput, now: Date): Promise<ObligationRow[]> {
  const settings = await getSettings();
  const today = vietnamDay(now);
  const tasks = await prisma.task.findMany({
    where: { AND: [scope, owingWhere(settings.applicationYears)] },
    orderBy: { id: 'asc' },
    take: TASK_CAP,
    select: {
      id: true,
      code: true,
      title: true,
      status: true,
      startDate: true,
      endDate: true,
      contractNo: true,
      acceptanceRequestedAt: true,
      acceptanceDecisionDate: true,
      closedAt: true,
      hostOrganizationId: true,
      hostOrganization: { select: { name: true } },
      progressReports: { select: { dueDate: true } },
      registration: { select: { status: true } },
      liquidation: { select: { id: true } },
      applicationReports: { select: { dueDate: true, status: true } },
    },
  });
  return tasks.flatMap((t) =>
    taskObligations(
      {
        ...t,
        progressReportDues: t.progressReports.map((r) => r.dueDate),
        liquidated: t.liquidation !== null,
      },
      settings,
      today,
    ).map((o) => ({
      ...o,
      taskId: t.id,
      code: t.code,
      title: t.title,
      organizationId: t.hostOrganizationId,
      organizationName: t.hostOrganization.name,
    })),
  );
}

const ORDER: readonly ObligationKind[] = ['report', 'acceptance', 'registration', 'liquidation', 'application'];
/** How many rows each overdue list shows (the count says how many there are in all). */
export const OVERDUE_LIST_SIZE = 20;

/** The department's overdue lists, one per kind, the longest overdue first, with the number in each. */
export async function overdueLists(actor: Actor, now = new Date()) {
  const rows = (await obligationRows(actor, now)).filter((r) => r.state === 'overdue');
  return ORDER.map((kind) => {
    const all = rows.filter((r) => r.kind === kind).sort((a, b) => b.daysOverdue - a.daysOverdue || a.title.localeCompare(b.title));
    return { kind, total: all.length, rows: all.slice(0, OVERDUE_LIST_SIZE) };
  });
}

/**
 * What an organization owes: overdue first (longest first), then what falls due soon (soonest first). Only what it
 * must do itself: the liquidation is the department's to draw up, not the organization's debt.
 */
export async function owedByOrganization(actor: Actor, now = new Date()) {
  const rows = (await obligationRows(actor, now)).filter((r) => r.owner === 'organization');
  return rows.sort(
    (a, b) =>
      (a.state === 'overdue' ? 0 : 1) - (b.state === 'overdue' ? 0 : 1) ||
      b.daysOverdue - a.daysOverdue ||
      a.dueDate.getTime() - b.dueDate.getTime(),
  );
}
