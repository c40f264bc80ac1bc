import 'server-only';
import { can } from '@/lib/domain/permissions';
import { prisma, type Tx } from '@/lib/server/db';
import { parseInput } from '@/lib/server/validation';
import { ZMarkRead } from './schemas';
import { reportSchedule } from '@/lib/domain/deadlines';
import { vietnamDay } from '@/lib/domain/format';
import { getSettings } from '@/lib/settings/service';
import { taskScope } from '@/lib/workflow/scope';
import { recusedTaskIds } from '@/lib/workflow/recusal';
import type { Actor } from '@/lib/server/actor';

export const NOTIFICATION_KINDS = [
  'proposalSubmitted',
  'taskReturned',
  'taskWithdrawn',
  'taskApproved',
  'taskRejected',
  'contractSigned',
  'councilSeatAssigned',
  'reportSubmitted',
  'reportReviewed',
  'reportDue',
  'reportOverdue',
  'extensionRequested',
  'extensionDecided',
  'acceptanceRequested',
  'taskAccepted',
  'taskNotAccepted',
  'taskTerminated',
  'memberRecused',
  'needsReturned',
  'needsMerged',
  'needsRecommended',
  'needsNotRecommended',
  'identificationSeatAssigned',
  'identificationMemberRecused',
  'needsListed',
  'needsStruck',
  'taskNotSelected',
  'taskSelected',
  'taskRevisionRequired',
  'taskRevised',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Active department users (staff and admins): the recipients of "the department" notifications. */
export async function departmentRecipients(tx: Tx): Promise<string[]> {
  const users = await tx.user.findMany({
    where: { role: { in: ['DEPARTMENT_ADMIN', 'DEPARTMENT_STAFF'] }, active: true },
    select: { id: true },
  });
  return users.map((u) => u.id);
}

/** Active users of an organization. */
export async function organizationRecipients(tx: Tx, organizationId: string): Promise<string[]> {
  const users = await tx.user.findMany({ where: { organizationId, role: 'ORGANIZATION', active: true }, select: { id: true } });
  return users.map((u) => u.id);
}

/** Writes notifications inside the caller's transaction. */
export async function notify(
  tx: Tx,
  userIds: string[],
  kind: NotificationKind,
  taskId: string | null,
  params: Record<string, string | number> = {},
) {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await tx.notification.createMany({ data: unique.map((userId) => ({ userId, kind, taskId, params })) });
}

export const NOTIFICATIONS_PAGE_SIZE = 30;

export async function listNotifications(actor: Actor, page = 1) {
  await syncDueReminders(actor);
  const where = { userId: actor.id };
  const [total, unread, rows, recused] = await Promise.all([
    prisma.notification.count({ where }),
    prisma.notification.count({ where: { ...where, readAt: null } }),
    prisma.notification.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (Math.max(1, page) - 1) * NOTIFICATIONS_PAGE_SIZE,
      take: NOTIFICATIONS_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        params: true,
        readAt: true,
        createdAt: true,
        task: { select: { id: true, code: true, title: true } },
      },
    }),
    can(actor.role, 'councils.sit') ? recusedTaskIds(prisma, actor.id) : new Set<string>(),
  ]);
  // An evaluator recused on a task no longer sees its name, not even in the notices sent before.
  const shown = rows.map((n) => {
    if (!n.task || !recused.has(n.task.id)) return { ...n, redacted: false };
    const { title: _title, code: _code, ...params } = (n.params ?? {}) as Record<string, unknown>;
    return { ...n, params, task: { id: n.task.id, code: null, title: null }, redacted: true };
  });
  return { total, unread, page, pageSize: NOTIFICATIONS_PAGE_SIZE, rows: shown };
}

export async function unreadCount(actor: Actor): Promise<number> {
  await syncDueReminders(actor);
  return prisma.notification.count({ where: { userId: actor.id, readAt: null } });
}

export async function markNotificationsRead(actor: Actor, raw: unknown) {
  const input = parseInput(ZMarkRead, raw);
  const { count } = await prisma.notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(input.all ? {} : { id: { in: input.ids ?? [] } }) },
    data: { readAt: new Date() },
  });
  return { count };
}

/**
 * Deadline reminders are derived from the data, not scheduled: when an organization or department user asks
 * for notifications, each progress report due within the reminder window or overdue becomes one notification
 * per user (deduplicated by key, so it is created once however often this runs).
 */
export async function syncDueReminders(actor: Actor, today = new Date()) {
  if (!can(actor.role, 'reminders.receive')) return;
  if (actor.organizationId && actor.organizationStatus !== 'ACTIVE') return;
  const settings = await getSettings();
  const tasks = await prisma.task.findMany({
    where: { ...taskScope(actor), status: 'RUNNING', startDate: { not: null }, endDate: { not: null } },
    select: { id: true, code: true, title: true, startDate: true, endDate: true, progressReports: { select: { dueDate: true } } },
    take: 1000,
  });
  const data: { userId: string; taskId: string; kind: string; params: object; dedupeKey: string }[] = [];
  for (const t of tasks) {
    const schedule = reportSchedule({
      start: t.startDate!,
      end: t.endDate!,
      dueDays: settings.reportDueDays,
      submitted: t.progressReports.map((r) => r.dueDate),
      today: vietnamDay(today),
      reminderDays: settings.reminderDaysBefore,
    });
    for (const s of schedule) {
      if (s.state !== 'dueSoon' && s.state !== 'overdue') continue;
      const due = s.dueDate.toISOString().slice(0, 10);
      const kind = s.state === 'overdue' ? 'reportOverdue' : 'reportDue';
      data.push({
        userId: actor.id,
        taskId: t.id,
        kind,
        params: { title: t.title, code: t.code ?? '', dueDate: due },
        dedupeKey: `${kind}:${t.id}:${due}:${actor.id}`,
      });
    }
  }
  if (data.length) await prisma.notification.createMany({ data, skipDuplicates: true });
}
