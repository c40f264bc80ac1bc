import { requireArea } from '@/lib/server/session';
import { load } from '@/lib/server/page';
import { loadDevMailboxPage } from '@/lib/mail/loaders';
import { DevMailbox } from '@/components/mail/dev-mailbox';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The development mailbox (the leader only, and a 404 in production unless MAIL_DEV_MAILBOX=1). */
export default async function DevMailboxPage({ searchParams }: Props) {
  const actor = await requireArea('department');
  return <DevMailbox data={await load(loadDevMailboxPage(actor, await searchParams))} />;
}
