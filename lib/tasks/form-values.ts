// The proposal form's values as the inputs hold them (plain strings), and how a stored task becomes them. Pure:
// the edit page's loader fills the form with them, and the submission check reads a stored proposal through the
// same values and the same schema (ZReadyToSubmit) the form validates with.
import { moneyInputValue } from '@/lib/domain/format';
import { dayString } from '@/lib/domain/inputs';

export type KeyMemberValues = { name: string; degree: string; role: string; organization: string };
export type ProductValues = { name: string; kind: string; quantity: string; quality: string };

export type TaskFormValues = {
  title: string;
  type: string;
  field: string;
  callId: string;
  listedTaskId: string;
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
  programId: string;
  beneficiaryEnterprise: string;
  supportAmount: string;
};

export const EMPTY_TASK_FORM: TaskFormValues = {
  title: '',
  type: '',
  field: '',
  callId: '',
  listedTaskId: '',
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
  programId: '',
  beneficiaryEnterprise: '',
  supportAmount: '',
};

/** What of a task the form's values are made from (a Prisma select). */
export const storedTaskSelect = {
  title: true,
  type: true,
  field: true,
  callId: true,
  listedTaskId: true,
  piName: true,
  piDegree: true,
  piTitle: true,
  piEmail: true,
  piPhone: true,
  keyMembers: true,
  partnerOrganizations: { select: { id: true } },
  partnerNames: true,
  objectives: true,
  contentMethods: true,
  applicationPlan: true,
  expectedProducts: true,
  budgetTotal: true,
  budgetState: true,
  budgetOther: true,
  durationMonths: true,
  proposedStart: true,
  programId: true,
  beneficiaryEnterprise: true,
  supportAmount: true,
} as const;

export type StoredTask = {
  title: string;
  type: string | null;
  field: string | null;
  callId: string | null;
  listedTaskId: string | null;
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
  programId: string | null;
  beneficiaryEnterprise: string | null;
  supportAmount: bigint | null;
};

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const rows = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null) : [];

/** A stored task -> the form's values. */
export function taskToFormValues(task: StoredTask): TaskFormValues {
  return {
    title: task.title,
    type: str(task.type),
    field: str(task.field),
    callId: str(task.callId),
    listedTaskId: str(task.listedTaskId),
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
    programId: str(task.programId),
    beneficiaryEnterprise: str(task.beneficiaryEnterprise),
    supportAmount: moneyInputValue(task.supportAmount),
  };
}
