import { loadDevMailboxPage } from '@/lib/mail/loaders';
import { DevMailbox } from '@/components/mail/dev-mailbox';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DevMailboxPage({ searchParams }: Props) {
  return <DevMailbox data={await loadDevMailboxPage(await searchParams)} />;
}
