import 'server-only';
import { forbidden } from 'next/navigation';
import { load } from '@/lib/server/page';
import { requireArea } from '@/lib/server/session';
import { can } from '@/lib/domain/permissions';
import { vietnamDateTimeInputValue, yearInVietnam } from '@/lib/domain/format';
import type { ScienceField } from '@/lib/domain/task-status';
import { callState } from './options';
import type { CallKind } from './schemas';
import { getCall, listCalls } from './service';

/** The department's calls, each with where it stands now, and whether this user may open and edit calls. */
export async function loadCallsPage() {
  const actor = await requireArea('department');
  const calls = await load(listCalls(actor));
  const now = new Date();
  return { rows: calls.map((c) => ({ ...c, state: callState(c, now) })), manage: can(actor.role, 'calls.manage') };
}

export type CallsPage = Awaited<ReturnType<typeof loadCallsPage>>;

/** A call's form: a new one (for next year) or an existing one's values; only for those who manage calls. */
export async function loadCallForm(callId: string | null, searchKind?: CallKind) {
  const actor = await requireArea('department');
  if (!can(actor.role, 'calls.manage')) forbidden();
  if (!callId) {
    return {
      call: null,
      initial: {
        kind: (searchKind ?? 'SELECTION') as CallKind,
        title: '',
        year: String(yearInVietnam(new Date()) + 1),
        description: '',
        fields: [] as ScienceField[],
        opensAt: '',
        closesAt: '',
      },
    };
  }
  const call = await load(getCall(actor, callId));
  return {
    call: { id: call.id, title: call.title, kind: call.kind, tasks: call._count.tasks, needs: call._count.needs },
    initial: {
      kind: call.kind,
      title: call.title,
      year: String(call.year),
      description: call.description,
      fields: call.fields,
      opensAt: vietnamDateTimeInputValue(call.opensAt),
      closesAt: vietnamDateTimeInputValue(call.closesAt),
    },
  };
}
