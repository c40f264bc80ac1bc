import 'server-only';
import { requireArea } from '@/lib/server/session';
import type { Actor } from '@/lib/server/actor';
import { can, type Capability } from '@/lib/domain/permissions';
import type { Area } from '@/lib/domain/roles';
import type { Role } from '@/lib/domain/roles';
import { unreadCount } from '@/lib/notifications/service';
import { load } from '@/lib/server/page';
import { stringParams } from '@/lib/domain/paging';
import { devMailboxEnabled } from '@/lib/mail/config';
import { getProfile, listUsers, newUserOptions } from './service';

export type NavItem = { href: string; labelKey: string };

export type ShellView = {
  user: { name: string; role: Role };
  nav: NavItem[];
  notificationsHref: string;
  /** The user's own profile (their mails' language and which mails they receive). */
  profileHref: string;
  unread: number;
  /** Where the header's search box sends its words: the department's staff only (null: no search box). */
  searchAction: string | null;
};

// Each area's menu; an entry with a capability shows only to those who have it.
// `devOnly`: shown only where the development mailbox is on (lib/mail/config.ts).
const NAV: Record<Area, (NavItem & { needs?: Capability; devOnly?: boolean })[]> = {
  department: [
    { href: '/department', labelKey: 'nav.overview' },
    { href: '/department/needs', labelKey: 'nav.needs' },
    { href: '/department/lists', labelKey: 'lists.nav', needs: 'lists.manage' },
    { href: '/department/listed-tasks', labelKey: 'lists.listedNav', needs: 'lists.manage' },
    { href: '/department/tasks', labelKey: 'nav.tasks' },
    { href: '/department/programs', labelKey: 'programs.nav', needs: 'programs.view' },
    { href: '/department/statistics', labelKey: 'statistics.nav' },
    { href: '/department/calls', labelKey: 'nav.calls' },
    { href: '/department/organizations', labelKey: 'nav.organizations' },
    { href: '/department/users', labelKey: 'nav.users', needs: 'users.manage' },
    { href: '/department/settings', labelKey: 'nav.settings', needs: 'settings.manage' },
    { href: '/department/audit', labelKey: 'audit.nav', needs: 'audit.view' },
    { href: '/department/dev/mailbox', labelKey: 'mailbox.nav', needs: 'mail.devMailbox', devOnly: true },
  ],
  org: [
    { href: '/org', labelKey: 'nav.myTasks' },
    { href: '/org/needs', labelKey: 'nav.myNeeds' },
    { href: '/org/listed-tasks', labelKey: 'lists.orgNav' },
  ],
  evaluator: [{ href: '/evaluator', labelKey: 'nav.councils' }],
};

/**
 * The frame of every page of an area: who is signed in, the menu they may use, and their unread count. Anyone
 * outside the area is sent away here (403, or to /login), before any of the area's data is read.
 */
export async function loadShell(area: Area): Promise<ShellView> {
  const actor = await requireArea(area);
  return {
    user: { name: actor.name, role: actor.role },
    nav: NAV[area]
      .filter((item) => (!item.needs || can(actor.role, item.needs)) && (!item.devOnly || devMailboxEnabled()))
      .map(({ href, labelKey }) => ({ href, labelKey })),
    notificationsHref: `/${area}/notifications`,
    profileHref: `/${area}/profile`,
    unread: await unreadCount(actor),
    searchAction: area === 'department' && can(actor.role, 'tasks.viewAll') ? '/department/search' : null,
  };
}

/** The leader's list of users: one page for the role and search in the URL, and the organizations a new user may belong to. */
export async function loadUsersPage(searchParams: Record<string, string | string[] | undefined>) {
  const actor = await requireArea('department');
  const params = stringParams(searchParams);
  const list = await load(listUsers(actor, params));
  return {
    rows: list.rows.map((u) => ({ ...u, self: u.id === actor.id })),
    paging: { page: list.page, pageSize: list.pageSize, total: list.total },
    query: { basePath: '/department/users', params },
    filter: { role: params.role, q: params.q },
  };
}

/** The page creating a user (the admin's): the organizations its form offers. */
export async function loadNewUserForm() {
  return load(newUserOptions(await requireArea('department')));
}

/**
 * A user's profile page (each area has one, its page passing the signed-in actor of that area): their own mails'
 * language and the mail categories offered to their role. Nobody else's: there is no user to name.
 */
export async function loadProfilePage(actor: Actor) {
  return getProfile(actor);
}

export type ProfilePage = Awaited<ReturnType<typeof loadProfilePage>>;
