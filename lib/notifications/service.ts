import 'server-only';
import { can } from '@/lib/domain/permissions';
import { prisma, type Tx } from '@/lib/server/db';
import { parseInput } from '@/lib/server/validation';
import { ZMarkRead } from './schemas';
import { recusedTaskIds } from '@/lib/workflow/recusal';
import type { Actor } from '@/lib/server/actor';
import { mailRecipientSelect, queueMails, type MailRecipient } from './outbox';

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
  'registrationSubmitted',
  'registrationReturned',
  'resultsRegistered',
  'registrationDue',
  'registrationOverdue',
  'contractLiquidated',
  'liquidationDue',
  'liquidationOverdue',
  'applicationSubmitted',
  'applicationReviewed',
  'applicationDue',
  'applicationOverdue',
  'acceptanceDue',
  'acceptanceOverdue',
  'accountCreated',
  'passwordReset',
  'organizationVerified',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Active department users (staff and admins): the recipients of "the department" notifications. */
export async function departmentRecipients(tx: Tx): Promise<MailRecipient[]> {
  // Read with what their mails need, so notify() does not read them again.
  return tx.user.findMany({ where: { role: { in: ['DEPARTMENT_ADMIN', 'DEPARTMENT_STAFF'] }, active: true }, select: mailRecipientSelect });
}

/** Active users of an organization. */
export async function organizationRecipients(tx: Tx, organizationId: string): Promise<string[]> {
  const users = await tx.user.findMany({ where: { organizationId, role: 'ORGANIZATION', active: true }, select: { id: true } });
  return users.map((u) => u.id);
}

/** Writes notifications inside the caller's transaction, and the mails of those that are also mailed (./outbox.ts). */
export async function notify(
  tx: Tx,
  /** User ids, or recipients already read with mailRecipientSelect (active users). */
  recipients: readonly (string | MailRecipient)[],
  kind: NotificationKind,
  taskId: string | null,
  params: Record<string, string | number> = {},
) {
  const known = recipients.filter((r): r is MailRecipient => typeof r !== 'string');
  const unique = [...new Set(recipients.map((r) => (typeof r === 'string' ? r : r.id)))];
  if (unique.length === 0) return;
  await tx.notification.createMany({ data: unique.map((userId) => ({ userId, kind, taskId, params })) });
  await queueMails(
    tx,
    unique.map((userId) => ({ userId, kind, taskId, params })),
    known,
  );
}

export const NOTIFICATIONS_PAGE_SIZE = 30;

export async function listNotifications(actor: Actor, page = 1) {
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
