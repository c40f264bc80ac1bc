import 'server-only';
import { prisma } from '@/lib/server/db';
import { ForbiddenError } from '@/lib/server/errors';
import { can } from '@/lib/domain/permissions';
import { TASK_STATUSES, type TaskStatus } from '@/lib/domain/task-status';
import type { Actor } from '@/lib/server/actor';
import { recusedTaskIds } from '@/lib/workflow/recusal';
import { taskScope } from '@/lib/workflow/scope';

/** What every list of tasks shows of a task (the queue, the latest changes, an organization's own tasks). */
export const listSelect = {
  id: true,
  code: true,
  title: true,
  status: true,
  field: true,
  type: true,
  year: true,
  updatedAt: true,
  budgetTotal: true,
  hostOrganization: { select: { id: true, name: true } },
} as const;

/** Department home: how many tasks stand in each status, and the latest changed. */
export async function getDepartmentOverview(actor: Actor) {
  if (!can(actor.role, 'tasks.viewAll')) throw new ForbiddenError();
  const [groups, latest, pendingOrganizations] = await Promise.all([
    prisma.task.groupBy({ by: ['status'], _count: { _all: true } }),
    prisma.task.findMany({
      where: { status: { not: 'DRAFT' } },
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      take: 10,
      select: listSelect,
    }),
    prisma.organization.count({ where: { status: 'PENDING' } }),
  ]);
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const g of groups) counts[g.status] = g._count._all;
  return { counts, latest, pendingOrganizations };
}

export const ORG_TASKS_PAGE_SIZE = 20;

/** Organization home: its own tasks, newest first. */
export async function listOwnTasks(actor: Actor, requestedPage = 1) {
  const page = Math.max(1, Math.floor(requestedPage) || 1);
  if (!can(actor.role, 'tasks.propose')) throw new ForbiddenError();
  const where = taskScope(actor);
  const [total, rows] = await Promise.all([
    prisma.task.count({ where }),
    prisma.task.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * ORG_TASKS_PAGE_SIZE,
      take: ORG_TASKS_PAGE_SIZE,
      select: { ...listSelect, endDate: true, createdAt: true },
    }),
  ]);
  return { total, page, pageSize: ORG_TASKS_PAGE_SIZE, rows };
}

/**
 * Evaluator home: the council seats of this evaluator, newest first. A seat on a task the evaluator is recused
 * on (a conflict declared on any council of it) does not name the task.
 */
export async function listCouncilSeats(actor: Actor) {
  if (!can(actor.role, 'councils.sit')) throw new ForbiddenError();
  const [seats, recused] = await Promise.all([listSeatRows(actor), recusedTaskIds(prisma, actor.id)]);
  return seats.map((s) => {
    const isRecused = recused.has(s.council.task.id);
    return {
      ...s,
      recused: isRecused,
      council: {
        ...s.council,
        task: {
          ...s.council.task,
          title: isRecused ? null : s.council.task.title,
          // Dossiers competing for one listed task share its name: the host organization tells the seats apart.
          hostOrganization: isRecused ? null : s.council.task.hostOrganization,
        },
      },
    };
  });
}

function listSeatRows(actor: Actor) {
  return prisma.councilMember.findMany({
    where: { userId: actor.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: 100,
    select: {
      id: true,
      position: true,
      conflictStatus: true,
      createdAt: true,
      ballot: { select: { status: true } },
      council: {
        select: {
          id: true,
          stage: true,
          status: true,
          meetingAt: true,
          task: {
            select: { id: true, code: true, title: true, status: true, field: true, hostOrganization: { select: { name: true } } },
          },
        },
      },
    },
  });
}
