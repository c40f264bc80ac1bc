import 'server-only';
import { load } from '@/lib/server/page';
import { requireArea } from '@/lib/server/session';
import { pageParam, stringParams } from '@/lib/domain/paging';
import { formatDateTime } from '@/lib/domain/format';
import { NEEDS_EDITABLE, NEEDS_MACHINE } from '@/lib/domain/needs-workflow';
import { callState } from '@/lib/calls/options';
import { listCalls } from '@/lib/calls/service';
import { getOwnOrganization, listActiveOrganizationOptions } from '@/lib/organizations/service';
import { listProgramChoices } from '@/lib/programs/service';
import { EMPTY_NEEDS_FORM, needsToFormValues } from './form-values';
import { getNeeds, listMergeTargets, listNeeds, listOwnNeeds, needsProblems } from './service';

// The screens of needs proposals (phase 1 of the department's year): the organization's own list, form and page;
// the department's list and page with return and merge.

const needsCalls = async (actor: Parameters<typeof listCalls>[0]) => {
  const now = new Date();
  return (await load(listCalls(actor, 'NEEDS'))).map((c) => ({ ...c, state: callState(c, now) }));
};

/** The organization's needs proposals, and the needs calls it may propose in now (or the notice while it awaits verification). */
export async function loadOrgNeedsHome(searchParams: Record<string, string | string[] | undefined>) {
  const actor = await requireArea('org');
  if (actor.organizationStatus !== 'ACTIVE')
    return { kind: 'pending' as const, organizationName: (await load(getOwnOrganization(actor))).name };
  const [list, calls] = await Promise.all([listOwnNeeds(actor, pageParam(searchParams.page)), needsCalls(actor)]);
  return {
    kind: 'list' as const,
    rows: list.rows,
    paging: { page: list.page, pageSize: list.pageSize, total: list.total },
    query: { basePath: '/org/needs', params: stringParams(searchParams) },
    openCalls: calls.filter((c) => c.state === 'open'),
  };
}

/**
 * The needs proposal form: new (in a needs call that has not closed) or editing one still editable; opened from a
 * refused submission (`check`), what is missing, by field.
 */
export async function loadNeedsForm(needsId: string | null, searchParams: Record<string, string | string[] | undefined> = {}) {
  const actor = await requireArea('org');
  if (actor.organizationStatus !== 'ACTIVE')
    return { kind: 'pending' as const, organizationName: (await load(getOwnOrganization(actor))).name };
  if (needsId) {
    const needs = await load(getNeeds(actor, needsId));
    if (!NEEDS_EDITABLE.includes(needs.status)) return { kind: 'notEditable' as const, needs: { id: needs.id, title: needs.title } };
    return {
      kind: 'form' as const,
      needs: { id: needs.id, version: needs.version, title: needs.title, call: needs.call },
      calls: [],
      programs: await load(listProgramChoices(actor, needs.programId)),
      initial: needsToFormValues(needs),
      problems: searchParams.check ? needsProblems(needs) : {},
    };
  }
  const [open, programs] = await Promise.all([needsCalls(actor), load(listProgramChoices(actor))]);
  const calls = open.filter((c) => c.state !== 'closed');
  const wanted = typeof searchParams.callId === 'string' ? searchParams.callId : undefined;
  return {
    kind: 'form' as const,
    needs: null,
    // The closing time as the form shows it: the browser needs no date library.
    calls: calls.map((c) => ({ id: c.id, title: c.title, state: c.state, closesAt: c.closesAt, closes: formatDateTime(c.closesAt) })),
    programs,
    initial: { ...EMPTY_NEEDS_FORM, callId: calls.find((c) => c.id === wanted)?.id ?? calls.find((c) => c.state === 'open')?.id ?? '' },
    problems: {},
  };
}

export type NeedsFormPage = Extract<Awaited<ReturnType<typeof loadNeedsForm>>, { kind: 'form' }>;

/** The organization's page of one needs proposal: its content, the department's return comment, what it may do. */
export async function loadOrgNeedsPage(needsId: string) {
  const actor = await requireArea('org');
  const needs = await load(getNeeds(actor, needsId));
  const acts = NEEDS_MACHINE.available(needs.status, actor.role);
  return {
    needs,
    actions: {
      edit: NEEDS_EDITABLE.includes(needs.status),
      submit: acts.includes('resubmit') ? ('resubmit' as const) : acts.includes('submit') ? ('submit' as const) : null,
      withdraw: acts.includes('withdraw'),
    },
  };
}

export type OrgNeedsPage = Awaited<ReturnType<typeof loadOrgNeedsPage>>;

/** The department's list of needs proposals: filters (needs call, status, field, organization) and search. */
export async function loadNeedsQueue(searchParams: Record<string, string | string[] | undefined>) {
  const actor = await requireArea('department');
  const params = stringParams(searchParams);
  const [list, calls, organizations] = await Promise.all([
    load(listNeeds(actor, params)),
    needsCalls(actor),
    load(listActiveOrganizationOptions(actor)),
  ]);
  const f = list.filter;
  return {
    rows: list.rows,
    paging: { page: list.page, pageSize: list.pageSize, total: list.total },
    query: { basePath: '/department/needs', params },
    filter: { callId: f.callId, status: f.status, field: f.field, organizationId: f.organizationId, q: f.q },
    options: {
      calls: calls.map((c) => ({ value: c.id, label: c.title })),
      organizations: organizations.map((o) => ({ value: o.id, label: o.name })),
    },
  };
}

/** The department's page of one needs proposal: content, merges, and the screening it may do now (return, merge). */
export async function loadDeptNeedsPage(needsId: string) {
  const actor = await requireArea('department');
  const needs = await load(getNeeds(actor, needsId));
  const acts = NEEDS_MACHINE.available(needs.status, actor.role);
  return {
    needs,
    actions: {
      return: acts.includes('return'),
      merge: acts.includes('merge') ? { targets: await load(listMergeTargets(actor, needs.id)) } : null,
    },
  };
}

export type DeptNeedsPage = Awaited<ReturnType<typeof loadDeptNeedsPage>>;
