// The province's S&T programs (chương trình KH&CN) and the enterprise support kinds of task. Pure rules: when a
// program may be chosen, which of its tasks spend its budget and how much is left, and what an enterprise support
// project must name.
import { isEnterpriseSupport, type TaskStatus } from './task-status';

/** A program may be chosen in a form while the current year lies between its start and end years (inclusive). */
export function isProgramActive(program: { startYear: number; endYear: number }, year: number): boolean {
  return program.startYear <= year && year <= program.endYear;
}

/**
 * The statuses of a task whose approved budget is committed to its program: approved, and everything after it
 * (a task that failed acceptance or was terminated has spent what it spent; its refund is taken off).
 */
export const PROGRAM_SPENDING_STATUSES = [
  'APPROVED',
  'RUNNING',
  'ACCEPTANCE_REVIEW',
  'ACCEPTED',
  'NOT_ACCEPTED',
  'TERMINATED',
] as const satisfies readonly TaskStatus[];

export type ProgramBudget = { budget: bigint; used: bigint; remaining: bigint; /** used / budget, in %, one decimal. */ share: number };

/**
 * A program's budget as its page states it: used = the approved budgets of its spending tasks minus the refunds
 * their liquidations recorded; remaining = budget − used (negative when overspent); the share used in %.
 */
export function programBudget(budget: bigint, approved: bigint, refunded: bigint): ProgramBudget {
  const used = approved - refunded;
  const share = budget > 0n ? Number((used * 1000n) / budget) / 10 : 0;
  return { budget, used, remaining: budget - used, share };
}

export type EnterpriseSupport = {
  type?: unknown;
  beneficiaryEnterprise?: string | null;
  supportAmount?: bigint | null;
  budgetState?: bigint | null;
};

/**
 * The enterprise support rule, field by field (empty when it holds). For the enterprise support kinds
 * (ENTERPRISE_SUPPORT_TYPES) a submitted dossier names the beneficiary enterprise and the support amount: whole
 * đồng, above zero and at most the dossier's state budget (the support is paid from the state budget; the
 * enterprise's own money is the other sources). `forSubmission` false (a draft): only what is typed is checked,
 * nothing is required. Other kinds carry neither (the service clears them).
 */
export function enterpriseSupportProblems(v: EnterpriseSupport, forSubmission: boolean): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (!isEnterpriseSupport(v.type)) return problems;
  const beneficiary = v.beneficiaryEnterprise?.trim() ?? '';
  if (forSubmission && beneficiary.length === 0) problems.beneficiaryEnterprise = ['validation.requiredForSubmission'];
  const amount = v.supportAmount ?? null;
  if (amount === null) {
    if (forSubmission) problems.supportAmount = ['validation.requiredForSubmission'];
  } else if (amount <= 0n) {
    problems.supportAmount = ['validation.moneyPositive'];
  } else if (v.budgetState !== null && v.budgetState !== undefined && amount > v.budgetState) {
    problems.supportAmount = ['validation.supportAboveStateBudget'];
  }
  return problems;
}
