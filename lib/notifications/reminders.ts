import 'server-only';
import { can } from '@/lib/domain/permissions';
import { prisma } from '@/lib/server/db';
import { queueMails } from './outbox';
import { allObligationRows } from '@/lib/deadlines/obligations';
import type { ObligationKind } from '@/lib/domain/after-acceptance';
import type { Role } from '@/lib/generated/prisma/client';
import type { NotificationKind } from './service';

// Deadline reminders, written by the daily deadline scan (a job: lib/jobs), never by a page being read. Each
// obligation (lib/deadlines) overdue or due within the reminder window becomes one notification per user it
// concerns, keyed so that it is written once however often and on however many workers the scan runs (the
// unique "dedupeKey": a second insert is skipped by the database, not by a check that could race).

/** Who is reminded of what: the organization of what it must send; the department of what it follows or draws up. */
const REMINDED: Record<
  ObligationKind,
  { organization: readonly [NotificationKind, NotificationKind] | null; department: readonly [NotificationKind, NotificationKind] | null }
> = {
  report: { organization: ['reportDue', 'reportOverdue'], department: ['reportDue', 'reportOverdue'] },
  acceptance: { organization: ['acceptanceDue', 'acceptanceOverdue'], department: null },
  registration: { organization: ['registrationDue', 'registrationOverdue'], department: null },
  application: { organization: ['applicationDue', 'applicationOverdue'], department: null },
  liquidation: { organization: null, department: ['liquidationDue', 'liquidationOverdue'] },
};

const DEPARTMENT_ROLES = (['DEPARTMENT_ADMIN', 'DEPARTMENT_STAFF'] as const satisfies readonly Role[]).filter(
  (r) => can(r, 'reminders.receive') && can(r, 'tasks.viewAll'),
);

/** Rows written per statement. */
const CHUNK = 1000;

/**
 * The deadline scan of `now` (Vietnam's calendar day): writes the reminders not written yet and says how many it
 * wrote. `taskIds` limits it to some tasks (a task that just changed; the tests).
 */
export async function scanDeadlines(now = new Date(), taskIds?: readonly string[]): Promise<{ obligations: number; created: number }> {
  const rows = await allObligationRows(now, taskIds);
  if (rows.length === 0) return { obligations: 0, created: 0 };
  const organizationIds = [...new Set(rows.map((r) => r.organizationId))];
  const [organizationUsers, departmentUsers] = await Promise.all([
    prisma.user.findMany({
      where: { organizationId: { in: organizationIds }, role: 'ORGANIZATION', active: true, organization: { status: 'ACTIVE' } },
      select: { id: true, organizationId: true },
    }),
    prisma.user.findMany({ where: { role: { in: DEPARTMENT_ROLES }, active: true }, select: { id: true } }),
  ]);
  const usersOf = new Map<string, string[]>();
  for (const u of organizationUsers) usersOf.set(u.organizationId!, [...(usersOf.get(u.organizationId!) ?? []), u.id]);

  const data = rows.flatMap((o) => {
    const due = o.dueDate.toISOString().slice(0, 10);
    const params = { title: o.title, code: o.code ?? '', dueDate: due };
    const to = (pair: readonly [NotificationKind, NotificationKind] | null, userIds: string[]) => {
      if (!pair) return [];
      const kind = o.state === 'overdue' ? pair[1] : pair[0];
      return userIds.map((userId) => ({ userId, taskId: o.taskId, kind, params, dedupeKey: `${kind}:${o.taskId}:${due}:${userId}` }));
    };
    const rule = REMINDED[o.kind];
    return [
      ...to(rule.organization, usersOf.get(o.organizationId) ?? []),
      ...to(
        rule.department,
        departmentUsers.map((u) => u.id),
      ),
    ];
  });
  let created = 0;
  // Each chunk's new reminders and their mails in one transaction: a reminder written once is mailed once (the
  // mails follow the rows this insert created, not those another scan wrote before).
  for (let i = 0; i < data.length; i += CHUNK)
    created += await prisma.$transaction(async (tx) => {
      const inserted = await tx.notification.createManyAndReturn({
        data: data.slice(i, i + CHUNK),
        skipDuplicates: true,
        select: { userId: true, kind: true, taskId: true, params: true, dedupeKey: true },
      });
      await queueMails(
        tx,
        inserted.map((n) => ({ ...n, params: n.params as Record<string, unknown> })),
      );
      return inserted.length;
    });
  return { obligations: rows.length, created };
}
