import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { unreadCount } from '@/lib/notifications/service';
import { areaOf } from '@/lib/domain/roles';
import type { Actor } from '@/lib/server/actor';

/** The unread count beside the user's name, linking to their notifications. */
export async function NotificationBell({ actor }: { actor: Actor }) {
  const t = await getTranslations('nav');
  const count = await unreadCount(actor);
  return (
    <Link
      href={`/${areaOf(actor.role)}/notifications`}
      className="relative rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
      data-testid="notification-bell"
      aria-label={`${t('notifications')}: ${count}`}
    >
      <span aria-hidden>🔔</span>
      {count > 0 && (
        <span className="ml-1 rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white" data-testid="unread-count">
          {count}
        </span>
      )}
    </Link>
  );
}
