import 'server-only';
import { requireArea } from '@/lib/server/session';
import { load } from '@/lib/server/page';
import { pageParam } from '@/lib/domain/paging';
import { listDevMailbox } from './service';

/** The development mailbox page: the mails kept in the database (404 to anyone but the leader, and in production). */
export async function loadDevMailboxPage(searchParams: Record<string, string | string[] | undefined>) {
  const actor = await requireArea('department');
  const list = await load(listDevMailbox(actor, pageParam(searchParams.page)));
  return { ...list, basePath: '/department/dev/mailbox' };
}

export type DevMailboxPage = Awaited<ReturnType<typeof loadDevMailboxPage>>;
