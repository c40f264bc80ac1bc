import 'server-only';
import { requireArea } from '@/lib/server/session';
import { prisma } from '@/lib/server/db';
import type { Actor } from '@/lib/server/actor';
import { pageParam } from '@/lib/domain/paging';
import type { Area } from '@/lib/domain/roles';
import { listNotifications } from './service';

export type NotificationView = {
  id: string;
  kind: string;
  unread: boolean;
  createdAt: Date;
  /** Where opening it leads, or null when nowhere (it is only marked read). */
  href: string | null;
  taskCode: string | null;
  /** The message's parameters; `title` is null for a task the evaluator is recused on (it must not be named). */
  params: { title: string | null; code: string; name: string; stage: string; dueDate: string };
};

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/**
 * Where an evaluator's notification about a task leads: their seat on its council (the newest of the notified
 * stage, else the newest), or their list of seats.
 */
async function seatLinks(actor: Actor, taskIds: string[]) {
  const seats = taskIds.length
    ? await prisma.councilMember.findMany({
        where: { userId: actor.id, council: { taskId: { in: taskIds } } },
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

/** The notifications page of an area: the user's notifications, newest first, each with its link. */
export async function loadNotificationsPage(area: Area, searchParams: Record<string, string | string[] | undefined>) {
  const actor = await requireArea(area);
  const list = await listNotifications(actor, pageParam(searchParams.page));
  const linkOf =
    area === 'evaluator'
      ? await seatLinks(actor, [...new Set(list.rows.flatMap((n) => (n.task ? [n.task.id] : [])))])
      : (taskId: string | null) => (taskId ? `/${area}/tasks/${taskId}` : null);
  const rows: NotificationView[] = list.rows.map((n) => {
    const raw = (n.params && typeof n.params === 'object' && !Array.isArray(n.params) ? n.params : {}) as Record<string, unknown>;
    const stage = str(raw.stage) || 'other';
    return {
      id: n.id,
      kind: n.kind,
      unread: n.readAt === null,
      createdAt: n.createdAt,
      // A needs proposal's notice leads to the proposal; a task's to the task (or the evaluator's seat on it).
      href: raw.needsId
        ? `/${area}/needs/${str(raw.needsId)}`
        : raw.seatId
          ? `/evaluator/identification/${str(raw.seatId)}`
          : linkOf(n.task?.id ?? null, stage),
      taskCode: n.task?.code ?? null,
      params: {
        title: n.redacted ? null : str(raw.title) || n.task?.title || '',
        code: str(raw.code),
        name: str(raw.name),
        stage,
        dueDate: str(raw.dueDate),
      },
    };
  });
  return { rows, total: list.total, unread: list.unread, page: list.page, pageSize: list.pageSize, basePath: `/${area}/notifications` };
}

export type NotificationsPage = Awaited<ReturnType<typeof loadNotificationsPage>>;
