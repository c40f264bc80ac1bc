import 'server-only';
import { vietnamDateTimeInputValue } from '@/lib/domain/format';
import { load } from '@/lib/server/page';
import { requireArea } from '@/lib/server/session';
import { pageParam, stringParams } from '@/lib/domain/paging';
import { listActiveOrganizationOptions } from '@/lib/organizations/service';
import { listCalls } from '@/lib/calls/service';
import { getSettings } from '@/lib/settings/service';
import {
  getIdentificationCouncil,
  getIdentificationSeat,
  identificationOptions,
  listIdentificationCouncils,
  listIdentificationSeats,
} from './service';

// The screens of identification councils: the department's list, form and council page; the evaluator's seat.

/** The department's identification councils, and the needs calls a new one may be formed for. */
export async function loadIdentificationCouncils(searchParams: Record<string, string | string[] | undefined>) {
  const actor = await requireArea('department');
  const [list, calls] = await Promise.all([
    load(listIdentificationCouncils(actor, pageParam(searchParams.page))),
    load(listCalls(actor, 'NEEDS')),
  ]);
  return {
    calls: calls.map((c) => ({ id: c.id, title: c.title, year: c.year })),
    rows: list.rows,
    paging: { page: list.page, pageSize: list.pageSize, total: list.total },
    query: { basePath: '/department/needs/councils', params: stringParams(searchParams) },
  };
}

/** The form of a new identification council for one needs call: its submitted proposals and the evaluator pool. */
export async function loadIdentificationForm(rawCallId: string) {
  const actor = await requireArea('department');
  const [options, settings] = await Promise.all([load(identificationOptions(actor, rawCallId)), getSettings()]);
  return { ...options, size: { min: settings.councilSizeMin, max: settings.councilSizeMax, usual: settings.councilSizeDefault } };
}

export type IdentificationFormPage = Awaited<ReturnType<typeof loadIdentificationForm>>;

export async function loadIdentificationCouncil(rawId: string) {
  const actor = await requireArea('department');
  const council = await load(getIdentificationCouncil(actor, rawId));
  return { ...council, meetingHeldAt: vietnamDateTimeInputValue(new Date()) };
}

export type IdentificationCouncilPage = Awaited<ReturnType<typeof loadIdentificationCouncil>>;

/** An evaluator's identification seat, with the active organizations to name for a direct assignment. */
export async function loadIdentificationSeat(rawId: string) {
  const actor = await requireArea('evaluator');
  const page = await load(getIdentificationSeat(actor, rawId));
  const organizations = page.seat.conflictStatus === 'NO_CONFLICT' ? await load(listActiveOrganizationOptions(actor)) : [];
  return { ...page, organizations };
}

export type IdentificationSeatPage = Awaited<ReturnType<typeof loadIdentificationSeat>>;

export async function loadIdentificationSeats() {
  const actor = await requireArea('evaluator');
  return listIdentificationSeats(actor);
}
