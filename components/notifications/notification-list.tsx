import { getLocale, getTranslations } from 'next-intl/server';
import { formatDateTime, formatDayParam, type Locale } from '@/lib/domain/format';
import type { NotificationsPage } from '@/lib/notifications/loaders';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { MarkAllReadButton } from './mark-all-read-button';
import { NotificationItem } from './notification-item';
import { markNotificationsReadAction } from '@/lib/notifications/actions';

/** The user's notifications, newest first, with unread ones highlighted, pagination and "mark all read". */
export async function NotificationList({ data }: { data: NotificationsPage }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  const message = (n: NotificationsPage['rows'][number]) => {
    const params = {
      ...n.params,
      title: n.params.title ?? t('notificationsPage.recusedTask'),
      dueDate: formatDayParam(n.params.dueDate, locale),
    };
    return t.has(`notifications.${n.kind}`) ? t(`notifications.${n.kind}`, params) : t('notificationsPage.unknownKind', params);
  };
  return (
    <>
      <PageHeader
        title={t('notificationsPage.title')}
        description={
          <span data-testid="notifications-unread">{t('notificationsPage.summary', { unread: data.unread, total: data.total })}</span>
        }
        actions={
          <MarkAllReadButton
            action={markNotificationsReadAction}
            disabled={data.unread === 0}
            labels={{
              markAllRead: t('notificationsPage.markAllRead'),
              marking: t('notificationsPage.marking'),
              connectionLost: t('errors.connectionLost'),
            }}
          />
        }
      />
      {data.rows.length === 0 ? (
        <EmptyState>{t('notificationsPage.empty')}</EmptyState>
      ) : (
        <ul
          className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white"
          data-testid="notification-list"
        >
          {data.rows.map((n) => (
            <li
              key={n.id}
              className={n.unread ? 'border-l-4 border-l-brand-600 bg-brand-50/60' : 'border-l-4 border-l-transparent'}
              data-testid={`notification-${n.id}`}
              data-kind={n.kind}
              data-unread={n.unread ? 'true' : 'false'}
            >
              <NotificationItem
                action={markNotificationsReadAction}
                id={n.id}
                href={n.href}
                unread={n.unread}
                markReadLabel={t('notificationsPage.markRead')}
                connectionLost={t('errors.connectionLost')}
              >
                <span className="flex items-start justify-between gap-4">
                  <span className={`text-sm ${n.unread ? 'font-semibold text-slate-900' : 'text-slate-700'}`}>
                    {n.unread && <span className="sr-only">{t('notificationsPage.unread')}: </span>}
                    {message(n)}
                  </span>
                  <span className="shrink-0 whitespace-nowrap text-xs text-slate-500" data-testid="notification-date">
                    {formatDateTime(n.createdAt, locale)}
                  </span>
                </span>
                {n.taskCode && <span className="mt-0.5 block font-mono text-xs text-slate-500">{n.taskCode}</span>}
              </NotificationItem>
            </li>
          ))}
        </ul>
      )}
      {data.total > 0 && (
        <Pagination page={data.page} pageSize={data.pageSize} total={data.total} query={{ basePath: data.basePath, params: {} }} />
      )}
    </>
  );
}
