import 'server-only';
import { requireArea } from '@/lib/server/session';
import { prisma } from '@/lib/server/db';
import { pageParam } from '@/lib/domain/paging';
import type { Area } from '@/lib/domain/roles';
import { noticePath } from '@/lib/domain/mail';
import { listNotifications } from './service';
import { seatLinks } from './seats';

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

/** The notifications page of an area: the user's notifications, newest first, each with its link. */
export async function loadNotificationsPage(area: Area, searchParams: Record<string, string | string[] | undefined>) {
  const actor = await requireArea(area);
  const list = await listNotifications(actor, pageParam(searchParams.page));
  const seatPath =
    area === 'evaluator'
      ? await seatLinks(prisma, actor.id, [...new Set(list.rows.flatMap((n) => (n.task ? [n.task.id] : [])))])
      : () => `/${area}`;
  const rows: NotificationView[] = list.rows.map((n) => {
    const raw = (n.params && typeof n.params === 'object' && !Array.isArray(n.params) ? n.params : {}) as Record<string, unknown>;
    const stage = str(raw.stage) || 'other';
    return {
      id: n.id,
      kind: n.kind,
      unread: n.readAt === null,
      createdAt: n.createdAt,
      // A needs proposal's notice leads to the proposal; a task's to the task (or the evaluator's seat on it).
      href: noticePath(area, { taskId: n.task?.id ?? null, params: raw }, seatPath),
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
