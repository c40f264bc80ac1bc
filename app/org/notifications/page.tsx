import { loadNotificationsPage } from '@/lib/notifications/loaders';
import { NotificationList } from '@/components/notifications/notification-list';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NotificationsPage({ searchParams }: Props) {
  return <NotificationList data={await loadNotificationsPage('org', await searchParams)} />;
}
