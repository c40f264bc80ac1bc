import 'server-only';
import { stringParams } from '@/lib/domain/paging';
import { listRegistry } from './service';

/** The public registry's page (no login, nothing but the public fields): its rows, paging and search. */
export async function loadRegistryPage(searchParams: Record<string, string | string[] | undefined>) {
  const params = stringParams(searchParams);
  const list = await listRegistry(params);
  return {
    rows: list.rows,
    paging: { page: list.page, pageSize: list.pageSize, total: list.total },
    query: { basePath: '/registry', params: { q: list.q } },
    q: list.q,
  };
}

export type RegistryPage = Awaited<ReturnType<typeof loadRegistryPage>>;
