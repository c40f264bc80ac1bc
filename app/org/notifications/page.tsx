import { loadNotificationsPage } from '@/lib/notifications/loaders';
import { NotificationList } from '@/components/notifications/notification-list';
import { withClientIntl } from '@/components/i18n/client-intl';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function NotificationsPage({ searchParams }: Props) {
  return <NotificationList data={await loadNotificationsPage('org', await searchParams)} />;
}

export default withClientIntl(NotificationsPage);
