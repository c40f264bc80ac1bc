// After acceptance (domain.md, "After acceptance"): result registration, contract liquidation and the yearly
// application reports, as declared data and pure rules. The tables say who may move a record; the deadlines use
// the same calendar arithmetic as progress reports (lib/domain/deadlines.ts). Pure.
import type { Role } from './roles';
import type { TaskStatus } from './task-status';
import { stateMachine, type Transition } from './state-machine';
import { acceptanceDueDate, addDays, addMonths, daysBetween, reportSchedule, toDay } from './deadlines';
import { vietnamDay } from './calendar';

const ORG: readonly Role[] = ['ORGANIZATION'];
const DEPT: readonly Role[] = ['DEPARTMENT_STAFF', 'DEPARTMENT_ADMIN'];

// ---------------------------------------------------------------------------------------------------------
// Result registration (đăng ký, lưu giữ kết quả): the organization submits the final report and products; the
// department records the registration certificate (number, date), or returns the submission for completion.
// ---------------------------------------------------------------------------------------------------------
export const REGISTRATION_STATUSES = ['SUBMITTED', 'RETURNED', 'REGISTERED'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_ACTIONS = ['submit', 'return', 'resubmit', 'register'] as const;
export type RegistrationAction = (typeof REGISTRATION_ACTIONS)[number];

export const REGISTRATION_TRANSITIONS: readonly Transition<RegistrationStatus, RegistrationAction>[] = [
  { from: null, action: 'submit', to: 'SUBMITTED', roles: ORG },
  { from: 'SUBMITTED', action: 'return', to: 'RETURNED', roles: DEPT },
  { from: 'RETURNED', action: 'resubmit', to: 'SUBMITTED', roles: ORG },
  { from: 'SUBMITTED', action: 'register', to: 'REGISTERED', roles: DEPT },
];
export const REGISTRATION_MACHINE = stateMachine(REGISTRATION_TRANSITIONS);

/** Only results the department accepted are registered. */
export const REGISTRABLE: readonly TaskStatus[] = ['ACCEPTED'];

// ---------------------------------------------------------------------------------------------------------
// Application reports (báo cáo ứng dụng kết quả): one a year for `years` years after the acceptance decision; the
// department reviews each (reviewed, or sent back for revision and submitted again).
// ---------------------------------------------------------------------------------------------------------
export const APPLICATION_REPORT_STATUSES = ['SUBMITTED', 'NEEDS_REVISION', 'REVIEWED'] as const;
export type ApplicationReportStatus = (typeof APPLICATION_REPORT_STATUSES)[number];
export const APPLICATION_REPORT_ACTIONS = ['submit', 'requestRevision', 'resubmit', 'review'] as const;
export type ApplicationReportAction = (typeof APPLICATION_REPORT_ACTIONS)[number];

export const APPLICATION_REPORT_TRANSITIONS: readonly Transition<ApplicationReportStatus, ApplicationReportAction>[] = [
  { from: null, action: 'submit', to: 'SUBMITTED', roles: ORG },
  { from: 'SUBMITTED', action: 'requestRevision', to: 'NEEDS_REVISION', roles: DEPT },
  { from: 'NEEDS_REVISION', action: 'resubmit', to: 'SUBMITTED', roles: ORG },
  { from: 'SUBMITTED', action: 'review', to: 'REVIEWED', roles: DEPT },
];
export const APPLICATION_REPORT_MACHINE = stateMachine(APPLICATION_REPORT_TRANSITIONS);

// ---------------------------------------------------------------------------------------------------------
// Contract liquidation (thanh lý hợp đồng): for accepted tasks, and for failed and terminated ones (the refund
// decided by the department). One record per task; after it the task is closed for money matters.
// ---------------------------------------------------------------------------------------------------------
export const LIQUIDABLE: readonly TaskStatus[] = ['ACCEPTED', 'NOT_ACCEPTED', 'TERMINATED'];

export type LiquidationAmounts = { disbursed: bigint; spent: bigint; refunded: bigint };
export type LiquidationProblem = 'spentAboveDisbursed' | 'refundAboveDisbursed' | 'refundBelowUnspent';

/**
 * What is wrong with a liquidation's amounts (whole đồng), or an empty list. Nothing spent or refunded exceeds
 * what was disbursed; what was disbursed and not spent is refunded (at least), and a failed or terminated task may
 * be asked to refund more than its unspent money, up to what it received.
 */
export function liquidationProblems(a: LiquidationAmounts): LiquidationProblem[] {
  const problems: LiquidationProblem[] = [];
  if (a.spent > a.disbursed) problems.push('spentAboveDisbursed');
  if (a.refunded > a.disbursed) problems.push('refundAboveDisbursed');
  else if (a.spent <= a.disbursed && a.refunded < a.disbursed - a.spent) problems.push('refundBelowUnspent');
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Deadlines
// ---------------------------------------------------------------------------------------------------------

/** Results are submitted for registration within `days` of the acceptance decision (default 30). */
export function registrationDueDate(acceptanceDecisionDate: Date, days: number): Date {
  return addDays(acceptanceDecisionDate, days);
}

/** The contract is liquidated within `days` of the decision that closed the task (acceptance, failure, termination). */
export function liquidationDueDate(closingDecisionDate: Date, days: number): Date {
  return addDays(closingDecisionDate, days);
}

/**
 * The application reports' due dates: each anniversary of the acceptance decision, for `years` years (a decision
 * of 29/02 falls due on 28/02 in the years without one).
 */
export function applicationDueDates(acceptanceDecisionDate: Date, years: number): Date[] {
  return Array.from({ length: years }, (_, i) => addMonths(acceptanceDecisionDate, 12 * (i + 1)));
}

export type DueState = 'done' | 'overdue' | 'dueSoon' | 'upcoming';

/** Where an obligation stands on `today`: done, overdue (with days), due within the reminder window, or later. */
export function dueState(dueDate: Date, done: boolean, today: Date, reminderDays: number): { state: DueState; daysOverdue: number } {
  if (done) return { state: 'done', daysOverdue: 0 };
  const d = daysBetween(toDay(dueDate), toDay(today));
  if (d > 0) return { state: 'overdue', daysOverdue: d };
  return { state: -d <= reminderDays ? 'dueSoon' : 'upcoming', daysOverdue: 0 };
}

/** Each application report period with its state on `today` (submitted ones are done). */
export function applicationSchedule(input: {
  acceptanceDecisionDate: Date;
  years: number;
  submitted: readonly Date[];
  today: Date;
  reminderDays: number;
}): { dueDate: Date; year: number; state: DueState; daysOverdue: number }[] {
  const done = new Set(input.submitted.map((d) => toDay(d).getTime()));
  return applicationDueDates(input.acceptanceDecisionDate, input.years).map((dueDate, i) => ({
    dueDate,
    year: i + 1,
    ...dueState(dueDate, done.has(dueDate.getTime()), input.today, input.reminderDays),
  }));
}

/**
 * The application periods the organization may report on `today`: the earliest one without a report, once the year
 * it reports on has begun (the first at once, each later one from the previous anniversary: a year is reported
 * during it or after it, never before), and any sent back for revision.
 */
export function openApplicationPeriods(
  dueDates: readonly Date[],
  reports: readonly { dueDate: Date; status: ApplicationReportStatus }[],
  today: Date,
): { dueDate: Date; year: number; revision: boolean }[] {
  const byDue = new Map(reports.map((r) => [toDay(r.dueDate).getTime(), r.status]));
  const out: { dueDate: Date; year: number; revision: boolean }[] = [];
  let nextFound = false;
  dueDates.forEach((dueDate, i) => {
    const status = byDue.get(dueDate.getTime());
    if (status === 'NEEDS_REVISION') out.push({ dueDate, year: i + 1, revision: true });
    else if (status === undefined && !nextFound) {
      nextFound = true;
      if (i === 0 || toDay(dueDates[i - 1]) <= toDay(today)) out.push({ dueDate, year: i + 1, revision: false });
    }
  });
  return out;
}

/** The date of the decision that closed a task: the acceptance decision, or the day it was terminated (in Vietnam). */
export function closingDate(task: { status: string; acceptanceDecisionDate: Date | null; closedAt: Date | null }): Date | null {
  if (task.status === 'TERMINATED') return task.closedAt ? vietnamDay(task.closedAt) : null;
  return task.acceptanceDecisionDate;
}

// ---------------------------------------------------------------------------------------------------------
// What a task owes on a day: the one statement of every deadline after a contract, for the reminders in the bell,
// the department's overdue lists and the organization's "what we owe".
// ---------------------------------------------------------------------------------------------------------
export const OBLIGATION_KINDS = ['report', 'acceptance', 'registration', 'liquidation', 'application'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export type ObligationTask = {
  status: TaskStatus;
  startDate: Date | null;
  endDate: Date | null;
  contractNo: string | null;
  acceptanceRequestedAt: Date | null;
  acceptanceDecisionDate: Date | null;
  closedAt: Date | null;
  progressReportDues: readonly Date[];
  registration: { status: RegistrationStatus } | null;
  liquidated: boolean;
  applicationReports: readonly { dueDate: Date; status: ApplicationReportStatus }[];
};

export type ObligationSettings = {
  reportDueDays: readonly string[];
  reminderDaysBefore: number;
  acceptanceDueDays: number;
  registrationDueDays: number;
  liquidationDueDays: number;
  applicationYears: number;
};

export type Obligation = {
  kind: ObligationKind;
  /** Who must act: the host organization, or the department (the liquidation it draws up). */
  owner: 'organization' | 'department';
  dueDate: Date;
  state: 'overdue' | 'dueSoon';
  daysOverdue: number;
  /** The application report's year (1 to applicationYears). */
  year?: number;
};

/** Everything a task owes on `today` that is overdue or due within the reminder window. */
export function taskObligations(task: ObligationTask, settings: ObligationSettings, today: Date): Obligation[] {
  const out: Obligation[] = [];
  const push = (kind: ObligationKind, owner: Obligation['owner'], dueDate: Date, done: boolean, year?: number) => {
    const s = dueState(dueDate, done, today, settings.reminderDaysBefore);
    if (s.state === 'overdue' || s.state === 'dueSoon')
      out.push({ kind, owner, dueDate, state: s.state, daysOverdue: s.daysOverdue, ...(year ? { year } : {}) });
  };
  if (task.status === 'RUNNING' && task.startDate && task.endDate) {
    for (const p of reportSchedule({
      start: task.startDate,
      end: task.endDate,
      dueDays: settings.reportDueDays,
      submitted: [...task.progressReportDues],
      today,
      reminderDays: settings.reminderDaysBefore,
    }))
      push('report', 'organization', p.dueDate, p.state === 'submitted');
    if (!task.acceptanceRequestedAt) push('acceptance', 'organization', acceptanceDueDate(task.endDate, settings.acceptanceDueDays), false);
  }
  if (task.status === 'ACCEPTED' && task.acceptanceDecisionDate) {
    const submitted = task.registration !== null && task.registration.status !== 'RETURNED';
    push('registration', 'organization', registrationDueDate(task.acceptanceDecisionDate, settings.registrationDueDays), submitted);
    const sent = task.applicationReports.filter((r) => r.status !== 'NEEDS_REVISION').map((r) => r.dueDate);
    for (const p of applicationSchedule({
      acceptanceDecisionDate: task.acceptanceDecisionDate,
      years: settings.applicationYears,
      submitted: sent,
      today,
      reminderDays: settings.reminderDaysBefore,
    }))
      push('application', 'organization', p.dueDate, p.state === 'done', p.year);
  }
  const closed = closingDate(task);
  if (LIQUIDABLE.includes(task.status) && task.contractNo && closed)
    push('liquidation', 'department', liquidationDueDate(closed, settings.liquidationDueDays), task.liquidated);
  return out;
}
