// The needs proposal form's values as the inputs hold them, and how a stored proposal becomes them. Pure: the
// edit page fills the form with them, and the submission check reads a stored proposal through the same values
// and the same schema (ZNeedsReadyToSubmit) the form validates with.
import { moneyInputValue } from '@/lib/domain/format';

export type NeedsFormValues = {
  title: string;
  field: string;
  problem: string;
  objectives: string;
  expectedResults: string;
  applyingUnits: string;
  durationMonths: string;
  budgetEstimate: string;
  programId: string;
};

export const EMPTY_NEEDS_FORM: NeedsFormValues = {
  title: '',
  field: '',
  problem: '',
  objectives: '',
  expectedResults: '',
  applyingUnits: '',
  durationMonths: '',
  budgetEstimate: '',
  programId: '',
};

export const storedNeedsSelect = {
  title: true,
  field: true,
  problem: true,
  objectives: true,
  expectedResults: true,
  applyingUnits: true,
  durationMonths: true,
  budgetEstimate: true,
  programId: true,
} as const;

export type StoredNeeds = {
  title: string;
  field: string | null;
  problem: string;
  objectives: string;
  expectedResults: string;
  applyingUnits: string;
  durationMonths: number | null;
  budgetEstimate: bigint | null;
  programId: string | null;
};

export function needsToFormValues(n: StoredNeeds): NeedsFormValues {
  return {
    title: n.title,
    field: n.field ?? '',
    problem: n.problem,
    objectives: n.objectives,
    expectedResults: n.expectedResults,
    applyingUnits: n.applyingUnits,
    durationMonths: n.durationMonths === null ? '' : String(n.durationMonths),
    budgetEstimate: moneyInputValue(n.budgetEstimate),
    programId: n.programId ?? '',
  };
}
