import 'server-only';
import { load } from '@/lib/server/page';
import { requireArea } from '@/lib/server/session';
import { stringParams } from '@/lib/domain/paging';
import { listOrganizations } from './service';

/** The department's list of organizations: one page for the status and search in the URL. */
export async function loadOrganizationsPage(searchParams: Record<string, string | string[] | undefined>) {
  const actor = await requireArea('department');
  const params = stringParams(searchParams);
  const list = await load(listOrganizations(actor, params));
  return {
    rows: list.rows,
    paging: { page: list.page, pageSize: list.pageSize, total: list.total },
    query: { basePath: '/department/organizations', params },
    filter: { status: params.status, q: params.q },
  };
}
