import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { pageParam } from '@/lib/domain/paging';
import { listDevMailbox } from './service';

/**
 * The development mailbox page: the mails kept in the database. The page passes the signed-in actor (its area checked)
 * and turns the service's NotFoundError into the 404 page: anyone but the leader, and every one in production unless
 * MAIL_DEV_MAILBOX=1 (lib/mail/config.ts), finds no such page.
 */
export async function loadDevMailboxPage(actor: Actor, searchParams: Record<string, string | string[] | undefined>) {
  const list = await listDevMailbox(actor, pageParam(searchParams.page));
  return { ...list, basePath: '/department/dev/mailbox' };
}

export type DevMailboxPage = Awaited<ReturnType<typeof loadDevMailboxPage>>;
