import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { prisma, Tx } from '@/lib/server/db';

// Recusal is a property of an evaluator and a task, not of one council seat: an evaluator who declared a
// conflict of interest on any council of a task is recused on the whole task, on every council of it before
// and after (domain.md, "Councils"). This file is the one place that says so; seat checks, ballots,
// declarations, council formation, results, listings and notifications all ask it.

type Db = Tx | typeof prisma;

/** The declaration that recuses: a seat on one of the task's councils marked CONFLICT. */
const conflictOn = (taskId: string): Prisma.CouncilMemberWhereInput => ({ conflictStatus: 'CONFLICT', council: { taskId } });

/** Council members who are NOT recused on the task (a filter for members of that task's councils). */
export function notRecusedOn(taskId: string): Prisma.CouncilMemberWhereInput {
  return { user: { councilSeats: { none: conflictOn(taskId) } } };
}

/** Whether the evaluator declared a conflict on any council of the task. */
export async function isRecusedOnTask(db: Db, userId: string, taskId: string): Promise<boolean> {
  return (await db.councilMember.count({ where: { userId, ...conflictOn(taskId) } })) > 0;
}

/** The evaluators recused on a task (for council formation and the department's council panel). */
export async function recusedUserIds(db: Db, taskId: string): Promise<Set<string>> {
  const rows = await db.councilMember.findMany({ where: conflictOn(taskId), select: { userId: true }, distinct: ['userId'] });
  return new Set(rows.map((r) => r.userId));
}

/** The tasks an evaluator is recused on (for their seat list and notifications, which must not name them). */
export async function recusedTaskIds(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db.councilMember.findMany({
    where: { userId, conflictStatus: 'CONFLICT' },
    select: { council: { select: { taskId: true } } },
  });
  return new Set(rows.map((r) => r.council.taskId));
}
