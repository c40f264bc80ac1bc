import 'server-only';
import { prisma } from '@/lib/server/db';
import { ForbiddenError } from '@/lib/server/errors';
import { can } from '@/lib/domain/permissions';
import { yearInVietnam } from '@/lib/domain/format';
import { parseYearRange } from '@/lib/domain/statistics';
import { overdueLists } from '@/lib/deadlines/obligations';
import type { Actor } from '@/lib/server/actor';
import { planFigures, taskFigures } from './figures';

/**
 * The statistics of a period for the department (staff and leader): the year before the dossiers, every task
 * figure with its budgets and breakdowns, the names behind the breakdowns' keys, and the overdue lists.
 */
export async function getStatistics(actor: Actor, params: { from?: unknown; to?: unknown; year?: unknown }, now = new Date()) {
  if (!can(actor.role, 'tasks.viewAll')) throw new ForbiddenError();
  const range = parseYearRange(params, yearInVietnam(now));
  const [plan, tasks, overdue] = await Promise.all([planFigures(prisma, range), taskFigures(prisma, range), overdueLists(actor, now)]);
  const organizationIds = tasks.byOrganization.map((r) => r.key).filter((k): k is string => k !== null);
  const programIds = tasks.byProgram.map((r) => r.key).filter((k): k is string => k !== null);
  const [organizations, programs] = await Promise.all([
    prisma.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, name: true } }),
    prisma.program.findMany({ where: { id: { in: programIds } }, select: { id: true, code: true, name: true } }),
  ]);
  return {
    range,
    plan,
    tasks,
    overdue,
    names: {
      organization: Object.fromEntries(organizations.map((o) => [o.id, o.name])),
      program: Object.fromEntries(programs.map((p) => [p.id, `${p.code} · ${p.name}`])),
    },
  };
}
