import { getLocale, getTranslations } from 'next-intl/server';
import { listNotifications } from '@/lib/notifications/service';
import { listCouncilSeats } from '@/lib/tasks/queries';
import { formatDate, formatDateTime, type Locale } from '@/lib/domain/format';
import type { Area } from '@/lib/domain/roles';
import type { Actor } from '@/lib/server/actor';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { MarkAllReadButton } from './mark-all-read-button';
import { NotificationItem } from './notification-item';

type Params = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** "YYYY-MM-DD" (as stored in a notification's params) in the user's date format; anything else as is. */
function dueDate(value: unknown, locale: Locale): string {
  const s = str(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? formatDate(new Date(`${s}T00:00:00Z`), locale) : s;
}

/**
 * Where a notification leads: the task's page in the department and organization areas; for an evaluator the
 * seat on that task's council (the newest matching the notified stage), else the list of seats.
 */
async function linkResolver(actor: Actor, area: Area): Promise<(taskId: string | null, params: Params) => string | null> {
  if (area === 'department') return (taskId) => (taskId ? `/department/tasks/${taskId}` : null);
  if (area === 'org') return (taskId) => (taskId ? `/org/tasks/${taskId}` : null);
  const seats = await listCouncilSeats(actor);
  return (taskId, params) => {
    if (!taskId) return '/evaluator';
    const onTask = seats.filter((s) => s.council.task.id === taskId);
    const seat = onTask.find((s) => s.council.stage === params.stage) ?? onTask[0];
    return seat ? `/evaluator/seats/${seat.id}` : '/evaluator';
  };
}

/** The user's notifications, newest first, with unread ones highlighted, pagination and "mark all read". */
export async function NotificationList({ actor, area, page }: { actor: Actor; area: Area; page: number }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  const [list, linkOf] = await Promise.all([listNotifications(actor, page), linkResolver(actor, area)]);
  const message = (kind: string, raw: Params, taskTitle: string | null | undefined, redacted: boolean) => {
    const params = {
      title: redacted ? t('notificationsPage.recusedTask') : str(raw.title) || taskTitle || '',
      code: str(raw.code),
      name: str(raw.name),
      stage: str(raw.stage) || 'other',
      dueDate: dueDate(raw.dueDate, locale),
    };
    return t.has(`notifications.${kind}`) ? t(`notifications.${kind}`, params) : t('notificationsPage.unknownKind', params);
  };
  return (
    <>
      <PageHeader
        title={t('notificationsPage.title')}
        description={
          <span data-testid="notifications-unread">{t('notificationsPage.summary', { unread: list.unread, total: list.total })}</span>
        }
        actions={<MarkAllReadButton disabled={list.unread === 0} />}
      />
      {list.rows.length === 0 ? (
        <EmptyState>{t('notificationsPage.empty')}</EmptyState>
      ) : (
        <ul
          className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white"
          data-testid="notification-list"
        >
          {list.rows.map((n) => {
            const unread = n.readAt === null;
            const params = (n.params && typeof n.params === 'object' && !Array.isArray(n.params) ? n.params : {}) as Params;
            return (
              <li
                key={n.id}
                className={unread ? 'border-l-4 border-l-brand-600 bg-brand-50/60' : 'border-l-4 border-l-transparent'}
                data-testid={`notification-${n.id}`}
                data-kind={n.kind}
                data-unread={unread ? 'true' : 'false'}
              >
                <NotificationItem id={n.id} href={linkOf(n.task?.id ?? null, params)} unread={unread}>
                  <span className="flex items-start justify-between gap-4">
                    <span className={`text-sm ${unread ? 'font-semibold text-slate-900' : 'text-slate-700'}`}>
                      {unread && <span className="sr-only">{t('notificationsPage.unread')}: </span>}
                      {message(n.kind, params, n.task?.title, n.redacted)}
                    </span>
                    <span className="shrink-0 whitespace-nowrap text-xs text-slate-500" data-testid="notification-date">
                      {formatDateTime(n.createdAt, locale)}
                    </span>
                  </span>
                  {n.task?.code && <span className="mt-0.5 block font-mono text-xs text-slate-500">{n.task.code}</span>}
                </NotificationItem>
              </li>
            );
          })}
        </ul>
      )}
      {list.total > 0 && (
        <Pagination page={list.page} pageSize={list.pageSize} total={list.total} basePath={`/${area}/notifications`} params={{}} />
      )}
    </>
  );
}
