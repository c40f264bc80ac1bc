'use client';
import type { MouseEvent, ReactNode } from 'react';
import type { markNotificationsReadAction } from '@/lib/notifications/actions';
import { useActionRunner } from '@/components/forms/use-action-runner';

/**
 * One notification's clickable body: opening an unread one marks it read first, then goes to its link (or,
 * without a link, stays and refreshes the list). The plain link still works without JavaScript. Its words come
 * translated from the server (the notifications page ships no next-intl), and so does `action`.
 */
export function NotificationItem({
  action,
  id,
  href,
  unread,
  markReadLabel,
  connectionLost,
  children,
}: {
  action: typeof markNotificationsReadAction;
  id: string;
  href: string | null;
  unread: boolean;
  markReadLabel: string;
  connectionLost: string;
  children: ReactNode;
}) {
  const { run, pending } = useActionRunner(action, { connectionLost, onSuccess: () => href ?? undefined });
  const open = (event: MouseEvent) => {
    if (!unread || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    run({ ids: [id] });
  };
  const className = `block w-full px-4 py-3 text-left hover:bg-slate-50 ${pending ? 'opacity-60' : ''}`;
  if (href) {
    return (
      <a href={href} onClick={open} className={className} data-testid={`notification-link-${id}`}>
        {children}
      </a>
    );
  }
  return unread ? (
    <button type="button" onClick={open} className={className} title={markReadLabel} data-testid={`notification-link-${id}`}>
      {children}
    </button>
  ) : (
    <div className={className}>{children}</div>
  );
}
