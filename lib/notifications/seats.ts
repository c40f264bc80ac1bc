import 'server-only';
import type { Db, Tx } from '@/lib/server/db';

/**
 * Where an evaluator's notice about a task leads: their seat on its council (the newest of the notice's stage, else
 * the newest), or their list of seats.
 */
export async function seatLinks(db: Db | Tx, userId: string, taskIds: string[]) {
  const seats = taskIds.length
    ? await db.councilMember.findMany({
        where: { userId, council: { taskId: { in: taskIds } } },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        select: { id: true, council: { select: { taskId: true, stage: true } } },
      })
    : [];
  return (taskId: string | null, stage: string) => {
    const onTask = seats.filter((s) => s.council.taskId === taskId);
    const seat = onTask.find((s) => s.council.stage === stage) ?? onTask[0];
    return seat ? `/evaluator/seats/${seat.id}` : '/evaluator';
  };
}
