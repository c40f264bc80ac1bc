import 'server-only';
import { requireArea } from '@/lib/server/session';
import { load } from '@/lib/server/page';
import { can } from '@/lib/domain/permissions';
import { stringParams } from '@/lib/domain/paging';
import { searchEverything, SEARCH_LIMIT } from './service';

const withQuery = (path: string, q: string) => `${path}?${new URLSearchParams({ q })}`;

/**
 * The header search's page: tasks, organizations and people found, each with where it leads (an organization to
 * its row in the organizations list, a person to theirs in the users list for those who manage users, else
 * nowhere), and the full queue for the same words when more tasks were found than shown.
 */
export async function loadSearchPage(searchParams: Record<string, string | string[] | undefined>) {
  const actor = await requireArea('department');
  const found = await load(searchEverything(actor, stringParams(searchParams)));
  const manageUsers = can(actor.role, 'users.manage');
  return {
    q: found.q,
    limit: SEARCH_LIMIT,
    tasks: found.tasks.map((t) => ({
      id: t.id,
      code: t.code,
      title: t.title,
      status: t.status,
      piName: t.piName,
      organizationName: t.hostOrganization.name,
      href: `/department/tasks/${t.id}`,
    })),
    organizations: found.organizations.map((o) => ({
      id: o.id,
      name: o.name,
      status: o.status,
      href: withQuery('/department/organizations', o.taxCode),
    })),
    people: found.people.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      role: p.role,
      active: p.active,
      organizationName: p.organization?.name ?? null,
      href: manageUsers ? withQuery('/department/users', p.email) : null,
    })),
    more: {
      tasksHref: found.more?.tasks && found.q ? withQuery('/department/tasks', found.q) : null,
      organizations: found.more?.organizations ?? false,
      people: found.more?.people ?? false,
    },
  };
}

export type SearchPage = Awaited<ReturnType<typeof loadSearchPage>>;
