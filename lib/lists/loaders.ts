import 'server-only';
import { notFound } from 'next/navigation';
import { load } from '@/lib/server/page';
import { requireArea } from '@/lib/server/session';
import { pageParam, stringParams } from '@/lib/domain/paging';
import { LISTED_MACHINE, ORDER_LIST_MACHINE } from '@/lib/domain/listed-task-workflow';
import { listActiveOrganizationOptions } from '@/lib/organizations/service';
import { listCalls } from '@/lib/calls/service';
import { listProgramChoices } from '@/lib/programs/service';
import { getListItem, getOrderList, listListedTasks, listOpenableListedTasks, listOrderLists, newOrderListDefaults } from './service';
import { listOpenListedTasks } from './dossiers';

// The screens of the list of ordered tasks (danh mục nhiệm vụ đặt hàng) and of the listed tasks.

type SearchParams = Record<string, string | string[] | undefined>;

export async function loadOrderLists(searchParams: SearchParams) {
  const actor = await requireArea('department');
  const list = await load(listOrderLists(actor, pageParam(searchParams.page)));
  return {
    rows: list.rows,
    paging: { page: list.page, pageSize: list.pageSize, total: list.total },
    query: { basePath: '/department/lists', params: stringParams(searchParams) },
    canCreate: ORDER_LIST_MACHINE.check(null, 'create', actor.role).ok,
  };
}

/** The form of a new list (for the coming plan year by default). */
export async function loadNewListForm() {
  return load(newOrderListDefaults(await requireArea('department')));
}

/** One list with the moves this user may make; the organizations to name for a direct assignment while a draft. */
export async function loadOrderList(rawId: string) {
  const actor = await requireArea('department');
  const list = await load(getOrderList(actor, rawId));
  return {
    ...list,
    can: {
      edit: list.status === 'DRAFT',
      submit: list.actions.includes('submit'),
      recall: list.actions.includes('recall'),
      decide: list.actions.includes('decide'),
    },
  };
}

export type OrderListPage = Awaited<ReturnType<typeof loadOrderList>>;

export async function loadListItemForm(rawListId: string, rawItemId: string) {
  const actor = await requireArea('department');
  const [item, organizations] = await Promise.all([
    load(getListItem(actor, rawListId, rawItemId)),
    load(listActiveOrganizationOptions(actor)),
  ]);
  const programs = await load(listProgramChoices(actor, item.programId));
  return { item, organizations, programs, editable: item.list.status === 'DRAFT' };
}

export type ListItemFormPage = Awaited<ReturnType<typeof loadListItemForm>>;

export async function loadListedTasks(searchParams: SearchParams) {
  const actor = await requireArea('department');
  const now = new Date();
  const [list, openable, calls] = await Promise.all([
    load(listListedTasks(actor, searchParams)),
    load(listOpenableListedTasks(actor)),
    load(listCalls(actor, 'SELECTION')),
  ]);
  return {
    openable,
    notices: calls.filter((c) => c.closesAt > now).map((c) => ({ id: c.id, title: c.title, closesAt: c.closesAt })),
    rows: list.rows,
    filter: list.filter,
    paging: { page: list.page, pageSize: list.pageSize, total: list.total },
    query: { basePath: '/department/listed-tasks', params: stringParams(searchParams) },
    canListUrgent: LISTED_MACHINE.check(null, 'listUrgent', actor.role).ok,
  };
}

/** The form of an urgent listed task: the leader only (others: 404, the page does not exist for them). */
export async function loadUrgentForm() {
  const actor = await requireArea('department');
  if (!LISTED_MACHINE.check(null, 'listUrgent', actor.role).ok) notFound();
  const [organizations, programs] = await Promise.all([load(listActiveOrganizationOptions(actor)), load(listProgramChoices(actor))]);
  return { organizations, programs, defaultYear: new Date().getFullYear() + 1 };
}

/** The organization's view: listed tasks open for dossiers now, what it may register for, its own dossiers. */
export async function loadOrgListedTasks() {
  const actor = await requireArea('org');
  return { rows: await load(listOpenListedTasks(actor)), verified: actor.organizationStatus === 'ACTIVE' };
}
