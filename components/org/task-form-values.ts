import { moneyInputValue } from '@/lib/domain/format';
// The proposal form's values as plain strings (what the inputs hold), and how a stored task becomes them.
// Pure: used by the edit page (server) and the form (client). The zod schema does the real parsing.
import { dayString } from '@/lib/domain/inputs';

export type KeyMemberValues = { name: string; degree: string; role: string; organization: string };
export type ProductValues = { name: string; kind: string; quantity: string; quality: string };

export type TaskFormValues = {
  title: string;
  type: string;
  field: string;
  callId: string;
  piName: string;
  piDegree: string;
  piTitle: string;
  piEmail: string;
  piPhone: string;
  keyMembers: KeyMemberValues[];
  partnerOrganizationIds: string[];
  partnerNames: string[];
  objectives: string;
  contentMethods: string;
  applicationPlan: string;
  expectedProducts: ProductValues[];
  budgetTotal: string;
  budgetState: string;
  budgetOther: string;
  durationMonths: string;
  proposedStart: string;
};

export const EMPTY_TASK_FORM: TaskFormValues = {
  title: '',
  type: '',
  field: '',
  callId: '',
  piName: '',
  piDegree: '',
  piTitle: '',
  piEmail: '',
  piPhone: '',
  keyMembers: [],
  partnerOrganizationIds: [],
  partnerNames: [],
  objectives: '',
  contentMethods: '',
  applicationPlan: '',
  expectedProducts: [],
  budgetTotal: '',
  budgetState: '',
  budgetOther: '',
  durationMonths: '',
  proposedStart: '',
};

type StoredTask = {
  title: string;
  type: string | null;
  field: string | null;
  call: { id: string } | null;
  piName: string | null;
  piDegree: string | null;
  piTitle: string | null;
  piEmail: string | null;
  piPhone: string | null;
  keyMembers: unknown;
  partnerOrganizations: { id: string }[];
  partnerNames: string[];
  objectives: string | null;
  contentMethods: string | null;
  applicationPlan: string | null;
  expectedProducts: unknown;
  budgetTotal: bigint | null;
  budgetState: bigint | null;
  budgetOther: bigint | null;
  durationMonths: number | null;
  proposedStart: Date | null;
};

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const rows = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null) : [];

/** A stored task (as the dossier loads it) -> the form's values. */
export function taskToFormValues(task: StoredTask): TaskFormValues {
  return {
    title: task.title,
    type: str(task.type),
    field: str(task.field),
    callId: task.call?.id ?? '',
    piName: str(task.piName),
    piDegree: str(task.piDegree),
    piTitle: str(task.piTitle),
    piEmail: str(task.piEmail),
    piPhone: str(task.piPhone),
    keyMembers: rows(task.keyMembers).map((m) => ({
      name: str(m.name),
      degree: str(m.degree),
      role: str(m.role),
      organization: str(m.organization),
    })),
    partnerOrganizationIds: task.partnerOrganizations.map((p) => p.id),
    partnerNames: [...task.partnerNames],
    objectives: str(task.objectives),
    contentMethods: str(task.contentMethods),
    applicationPlan: str(task.applicationPlan),
    expectedProducts: rows(task.expectedProducts).map((p) => ({
      name: str(p.name),
      kind: str(p.kind),
      quantity: str(p.quantity),
      quality: str(p.quality),
    })),
    budgetTotal: moneyInputValue(task.budgetTotal),
    budgetState: moneyInputValue(task.budgetState),
    budgetOther: moneyInputValue(task.budgetOther),
    durationMonths: str(task.durationMonths),
    proposedStart: dayString(task.proposedStart),
  };
}

/**
 * The form's entries -> the nested object ZTaskContent expects. Inputs are named by the schema's paths
 * ("keyMembers.0.name", "partnerNames.1"), so server messages keyed the same way land on the same inputs.
 */
export function formToTaskContent(form: HTMLFormElement): Record<string, unknown> {
  const data = new FormData(form);
  const out: Record<string, unknown> = {
    keyMembers: [],
    expectedProducts: [],
    partnerNames: [],
    partnerOrganizationIds: data.getAll('partnerOrganizationIds').filter((v): v is string => typeof v === 'string'),
  };
  for (const [key, value] of data.entries()) {
    if (key === 'partnerOrganizationIds' || typeof value !== 'string') continue;
    setPath(out, key.split('.'), value);
  }
  return out;
}

function setPath(target: Record<string, unknown> | unknown[], path: string[], value: string) {
  const [head, ...rest] = path;
  const container = target as Record<string, unknown>;
  if (rest.length === 0) {
    container[head] = value;
    return;
  }
  if (container[head] === undefined) container[head] = /^\d+$/.test(rest[0]) ? [] : {};
  setPath(container[head] as Record<string, unknown>, rest, value);
}
