import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { BellIcon } from '@/components/ui/icons';

/** The unread count beside the user's name, linking to their notifications. */
export async function NotificationBell({ href, count }: { href: string; count: number }) {
  const t = await getTranslations('nav');
  return (
    <Link
      href={href}
      className="relative inline-flex items-center rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
      data-testid="notification-bell"
      aria-label={`${t('notifications')}: ${count}`}
    >
      <BellIcon />
      {count > 0 && (
        <span className="ml-1 rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white" data-testid="unread-count">
          {count}
        </span>
      )}
    </Link>
  );
}
