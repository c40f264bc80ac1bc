import { describe, expect, it } from 'vitest';
import {
  APPLICATION_REPORT_ACTIONS,
  APPLICATION_REPORT_MACHINE,
  APPLICATION_REPORT_STATUSES,
  applicationDueDates,
  applicationSchedule,
  dueState,
  liquidationDueDate,
  liquidationProblems,
  REGISTRATION_ACTIONS,
  REGISTRATION_MACHINE,
  REGISTRATION_STATUSES,
  registrationDueDate,
} from '@/lib/domain/after-acceptance';
import { vietnamDay } from '@/lib/domain/format';
import { ROLES, type Role } from '@/lib/domain/roles';

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const O: Role[] = ['ORGANIZATION'];
const SA: Role[] = ['DEPARTMENT_STAFF', 'DEPARTMENT_ADMIN'];

// Transcribed by hand from domain.md "After acceptance" (registration: the organization submits, the department
// registers or returns it for completion; application reports: submitted, reviewed or sent back), not from the tables.
const REGISTRATION: Record<string, { to: string; roles: Role[] }> = {
  'null:submit': { to: 'SUBMITTED', roles: O },
  'SUBMITTED:return': { to: 'RETURNED', roles: SA },
  'RETURNED:resubmit': { to: 'SUBMITTED', roles: O },
  'SUBMITTED:register': { to: 'REGISTERED', roles: SA },
};
const APPLICATION: Record<string, { to: string; roles: Role[] }> = {
  'null:submit': { to: 'SUBMITTED', roles: O },
  'SUBMITTED:requestRevision': { to: 'NEEDS_REVISION', roles: SA },
  'NEEDS_REVISION:resubmit': { to: 'SUBMITTED', roles: O },
  'SUBMITTED:review': { to: 'REVIEWED', roles: SA },
};

function everyMove<S extends string, A extends string>(
  statuses: readonly S[],
  actions: readonly A[],
  machine: { check: (from: S | null, action: A, role: Role) => unknown },
  expected: Record<string, { to: string; roles: Role[] }>,
) {
  for (const from of [null, ...statuses])
    for (const action of actions)
      for (const role of ROLES) {
        const row = expected[`${from}:${action}`];
        const want = !row
          ? { ok: false, reason: 'notFromStatus' }
          : row.roles.includes(role)
            ? { ok: true, to: row.to }
            : { ok: false, reason: 'roleNotAllowed' };
        expect(machine.check(from, action, role), `${from} --${action}--> as ${role}`).toEqual(want);
      }
}

describe('the tables after acceptance: every (status x action x role)', () => {
  it('registration', () => {
    expect(REGISTRATION_STATUSES).toHaveLength(3);
    everyMove(REGISTRATION_STATUSES, REGISTRATION_ACTIONS, REGISTRATION_MACHINE, REGISTRATION);
  });
  it('application reports', () => {
    expect(APPLICATION_REPORT_STATUSES).toHaveLength(3);
    everyMove(APPLICATION_REPORT_STATUSES, APPLICATION_REPORT_ACTIONS, APPLICATION_REPORT_MACHINE, APPLICATION);
  });
  it('an evaluator moves nothing; the organization never registers its own results', () => {
    expect(REGISTRATION_MACHINE.available('SUBMITTED', 'EVALUATOR')).toEqual([]);
    expect(REGISTRATION_MACHINE.check('SUBMITTED', 'register', 'ORGANIZATION')).toEqual({ ok: false, reason: 'roleNotAllowed' });
    expect(APPLICATION_REPORT_MACHINE.check('SUBMITTED', 'review', 'ORGANIZATION')).toEqual({ ok: false, reason: 'roleNotAllowed' });
  });
});

describe('deadlines after acceptance, at the year and month edges', () => {
  it('registration is due 30 days after the acceptance decision, across the year end', () => {
    expect(iso(registrationDueDate(day('2026-12-15'), 30))).toBe('2027-01-14');
    expect(iso(registrationDueDate(day('2026-12-31'), 30))).toBe('2027-01-30');
    expect(iso(registrationDueDate(day('2028-02-01'), 30))).toBe('2028-03-02'); // 2028 is a leap year
    expect(iso(registrationDueDate(day('2027-02-01'), 30))).toBe('2027-03-03');
  });

  it('liquidation is due the configured days after the closing decision', () => {
    expect(iso(liquidationDueDate(day('2026-11-30'), 60))).toBe('2027-01-29');
  });

  it('application reports fall due on each anniversary for five years; 29/02 falls on 28/02 in other years', () => {
    expect(applicationDueDates(day('2026-03-31'), 5).map(iso)).toEqual([
      '2027-03-31',
      '2028-03-31',
      '2029-03-31',
      '2030-03-31',
      '2031-03-31',
    ]);
    expect(applicationDueDates(day('2028-02-29'), 5).map(iso)).toEqual([
      '2029-02-28',
      '2030-02-28',
      '2031-02-28',
      '2032-02-29',
      '2033-02-28',
    ]);
    expect(applicationDueDates(day('2026-12-31'), 2).map(iso)).toEqual(['2027-12-31', '2028-12-31']);
    expect(applicationDueDates(day('2026-06-15'), 3)).toHaveLength(3);
  });

  it('is overdue from the day after the due date in Vietnam, not by UTC', () => {
    const due = day('2027-01-14');
    // 23:30 on the due date in Vietnam (16:30 UTC): still due today.
    expect(dueState(due, false, vietnamDay(new Date('2027-01-14T16:30:00Z')), 14)).toEqual({ state: 'dueSoon', daysOverdue: 0 });
    // 00:30 the next day in Vietnam (17:30 UTC on the due date): one day overdue.
    expect(dueState(due, false, vietnamDay(new Date('2027-01-14T17:30:00Z')), 14)).toEqual({ state: 'overdue', daysOverdue: 1 });
    expect(dueState(due, false, day('2027-03-01'), 14)).toEqual({ state: 'overdue', daysOverdue: 46 });
    expect(dueState(due, true, day('2027-03-01'), 14)).toEqual({ state: 'done', daysOverdue: 0 });
  });

  it('reminds within the window before the due date', () => {
    const due = day('2027-01-14');
    expect(dueState(due, false, day('2026-12-31'), 14).state).toBe('dueSoon');
    expect(dueState(due, false, day('2026-12-30'), 14).state).toBe('upcoming');
  });

  it('schedules the five yearly reports with their states', () => {
    const schedule = applicationSchedule({
      acceptanceDecisionDate: day('2024-05-20'),
      years: 5,
      submitted: [day('2025-05-20')],
      today: day('2026-06-01'),
      reminderDays: 14,
    });
    expect(schedule.map((s) => [iso(s.dueDate), s.year, s.state, s.daysOverdue])).toEqual([
      ['2025-05-20', 1, 'done', 0],
      ['2026-05-20', 2, 'overdue', 12],
      ['2027-05-20', 3, 'upcoming', 0],
      ['2028-05-20', 4, 'upcoming', 0],
      ['2029-05-20', 5, 'upcoming', 0],
    ]);
  });
});

describe('liquidation amounts', () => {
  const m = (disbursed: number, spent: number, refunded: number) => ({
    disbursed: BigInt(disbursed),
    spent: BigInt(spent),
    refunded: BigInt(refunded),
  });
  it('accepts a settled contract and a refund of the unspent money', () => {
    expect(liquidationProblems(m(1_000_000_000, 1_000_000_000, 0))).toEqual([]);
    expect(liquidationProblems(m(1_000_000_000, 850_000_000, 150_000_000))).toEqual([]);
  });
  it('lets a failed or terminated task refund more than its unspent money, never more than it received', () => {
    expect(liquidationProblems(m(600_000_000, 500_000_000, 400_000_000))).toEqual([]);
    expect(liquidationProblems(m(600_000_000, 500_000_000, 600_000_001))).toEqual(['refundAboveDisbursed']);
  });
  it('refuses spending above what was disbursed, and keeping unspent money', () => {
    expect(liquidationProblems(m(600_000_000, 600_000_001, 0))).toEqual(['spentAboveDisbursed']);
    expect(liquidationProblems(m(600_000_000, 500_000_000, 99_999_999))).toEqual(['refundBelowUnspent']);
  });
});
