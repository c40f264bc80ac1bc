import { requireArea } from '@/lib/server/session';
import { NotificationList } from '@/components/notifications/notification-list';

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireArea('evaluator');
  const page = Math.max(1, Math.floor(Number((await searchParams).page)) || 1);
  return <NotificationList actor={actor} area="evaluator" page={page} />;
}
