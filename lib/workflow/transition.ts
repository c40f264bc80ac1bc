import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { prisma, type Tx } from '@/lib/server/db';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { checkTransition, type TaskAction } from '@/lib/domain/workflow';
import type { TaskStatus } from '@/lib/domain/task-status';
import type { Actor } from '@/lib/server/actor';
import { taskScope } from './scope';

export type TaskRow = Prisma.TaskGetPayload<{ select: typeof transitionSelect }>;

const transitionSelect = {
  id: true,
  code: true,
  title: true,
  status: true,
  version: true,
  year: true,
  callId: true,
  hostOrganizationId: true,
  startDate: true,
  endDate: true,
  acceptanceRequestedAt: true,
  approvedBudget: true,
} as const;

export type TransitionPlan = {
  /** Extra task fields to write with the status change. */
  data?: Prisma.TaskUpdateManyMutationInput;
  /** Shown to the host organization on its timeline. */
  note?: string | null;
  /** Department-only detail. */
  internalNote?: string | null;
};

/**
 * The one way a task's status changes: authorize -> guard -> one transaction -> side effects.
 * 1. The task is loaded through the actor's scope (outside it: 404) and the workflow table decides whether
 *    this role may take this action from the current status.
 * 2. `guard` runs inside the transaction (it may read, and throw a typed error) and returns the plan.
 * 3. The update names the status and version the user saw: if another user changed the task first, nothing
 *    is written and the user is told to reload. The audit event and `after` (notifications, related rows)
 *    are written in the same transaction.
 */
export async function runTransition<X extends Prisma.TaskSelect = Record<never, never>>(
  actor: Actor,
  ref: { taskId: string; version: number },
  /** The action, or how to name it from the task's status as read under the lock (submit or resubmit). */
  action: TaskAction | ((status: TaskStatus) => TaskAction),
  guard: (task: TaskRow & Prisma.TaskGetPayload<{ select: X }>, tx: Tx) => Promise<TransitionPlan> | TransitionPlan,
  /** Runs after the change, in the same transaction; `task` is as it was before (status = the old status). */
  after?: (task: TaskRow, tx: Tx) => Promise<void>,
  /** More of the task for the guard, read in the same statement as the task itself. */
  select?: X,
) {
  return prisma.$transaction((tx) => applyTransition<X>(tx, actor, ref, action, guard, after, select));
}

/**
 * runTransition inside the caller's transaction: a decision that moves several tasks at once (the selection of
 * one dossier of a listed task, the others not selected) moves each through here, all or none.
 */
export async function applyTransition<X extends Prisma.TaskSelect = Record<never, never>>(
  tx: Tx,
  actor: Actor,
  ref: { taskId: string; version: number },
  actionOf: TaskAction | ((status: TaskStatus) => TaskAction),
  guard: (task: TaskRow & Prisma.TaskGetPayload<{ select: X }>, tx: Tx) => Promise<TransitionPlan> | TransitionPlan,
  after?: (task: TaskRow, tx: Tx) => Promise<void>,
  select?: X,
) {
  // Take the row first, then read it: a second user acting at the same moment waits here and then sees the
  // first one's change (a new version: "reload"), and the guard's reads of related rows (attachments, pending
  // extensions, councils) cannot go stale before the update, since writes to those take the same lock.
  await lockTask(tx, ref.taskId);
  const task = (await tx.task.findFirst({
    where: { id: ref.taskId, ...taskScope(actor) },
    select: { ...select, ...transitionSelect },
  })) as (TaskRow & Prisma.TaskGetPayload<{ select: X }>) | null;
  if (!task) throw new NotFoundError();
  const action = typeof actionOf === 'function' ? actionOf(task.status) : actionOf;
  const check = checkTransition(task.status, action, actor.role);
  if (!check.ok) {
    if (check.reason === 'roleNotAllowed') throw new ForbiddenError('transitionRole');
    // The user acted on a status that has since moved on: reload. Otherwise the action never applies here.
    if (task.version !== ref.version) throw new ConflictError();
    throw new ValidationError('transitionNotAllowed', {}, { action, status: task.status });
  }
  if (task.version !== ref.version) throw new ConflictError();
  const plan = await guard(task, tx);
  const { count } = await tx.task.updateMany({
    where: { id: task.id, status: task.status, version: ref.version },
    data: { ...plan.data, status: check.to, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  await tx.taskEvent.create({
    data: {
      taskId: task.id,
      actorId: actor.id,
      action,
      fromStatus: task.status,
      toStatus: check.to,
      note: plan.note ?? null,
      internalNote: plan.internalNote ?? null,
    },
  });
  await after?.(task, tx);
  return { taskId: task.id, status: check.to, version: ref.version + 1 };
}

/**
 * Holds the task's row lock until the transaction ends. Writes about a task that are not status changes and
 * carry no version (a progress report, an extension request) take it first, so that two at once (a double
 * submit) run one after the other and the second sees what the first wrote, instead of both passing the
 * "already there?" check.
 */
export async function lockTask(tx: Tx, taskId: string): Promise<void> {
  await lockTaskStatus(tx, taskId);
}

/** lockTask, answering the task's status as it is under the lock, in the same statement (null: no such task). */
export async function lockTaskStatus(tx: Tx, taskId: string): Promise<TaskStatus | null> {
  const rows = await tx.$queryRaw<
    { status: TaskStatus }[]
  >`SELECT "status"::text AS "status" FROM "Task" WHERE "id" = ${taskId} FOR UPDATE`;
  return rows[0]?.status ?? null;
}

/** A write to a task that is not a status change (editing a draft, adding a file): same version check. */
export async function bumpVersion(
  tx: Tx,
  taskId: string,
  version: number,
  statuses: readonly TaskStatus[],
  data: Prisma.TaskUpdateManyMutationInput = {},
) {
  const { count } = await tx.task.updateMany({
    where: { id: taskId, version, status: { in: [...statuses] } },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  return version + 1;
}
