import { requireArea } from '@/lib/server/session';
import { load } from '@/lib/server/page';
import { loadAuditPage } from '@/lib/audit/loaders';
import { AuditView } from '@/components/audit/audit-view';

type Search = Record<string, string | string[] | undefined>;

/** The audit trail and the access log (department leader only: anyone else gets the 403 page). */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireArea('department');
  const view = await load(loadAuditPage(actor, await searchParams));
  return <AuditView view={view} />;
}
