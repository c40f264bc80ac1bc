import 'server-only';
import { can } from '@/lib/domain/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/server/actor';

/** The department sees every task: its scope has no condition, so any existing task is in it. */
export function seesEveryTask(actor: Actor): boolean {
  return can(actor.role, 'tasks.viewAll');
}

/**
 * The tasks an actor may see, as a Prisma filter. Every task query goes through it, so a task outside it
 * simply does not exist for that actor (a 404, never a 403 that would confirm it exists).
 * - department users: every task;
 * - organization users: their organization's tasks;
 * - evaluators: tasks of a council they sit on, once they have declared no conflict of interest (before that
 *   declaration, and after declaring a conflict, the dossier stays closed to them). A conflict declared on any
 *   council of the task (e.g. at acceptance, after a conflict-free proposal review) closes the task to them.
 */
export function taskScope(actor: Actor): Prisma.TaskWhereInput {
  if (seesEveryTask(actor)) return {};
  if (can(actor.role, 'tasks.propose') && actor.organizationId) return { hostOrganizationId: actor.organizationId };
  if (can(actor.role, 'councils.sit')) {
    return {
      councils: { some: { members: { some: { userId: actor.id, conflictStatus: 'NO_CONFLICT' } } } },
      NOT: { councils: { some: { members: { some: { userId: actor.id, conflictStatus: 'CONFLICT' } } } } },
    };
  }
  return { id: '__none__' };
}
