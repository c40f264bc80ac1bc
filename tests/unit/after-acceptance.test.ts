import { describe, expect, it } from 'vitest';
import {
  APPLICATION_REPORT_ACTIONS,
  APPLICATION_REPORT_MACHINE,
  APPLICATION_REPORT_STATUSES,
  applicationDueDates,
  applicationSchedule,
  closingDate,
  dueState,
  liquidationDueDate,
  liquidationProblems,
  openApplicationPeriods,
  REGISTRATION_ACTIONS,
  REGISTRATION_MACHINE,
  REGISTRATION_STATUSES,
  registrationDueDate,
  taskObligations,
  type ObligationSettings,
  type ObligationTask,
} from '@/lib/domain/after-acceptance';
import { vietnamDay } from '@/lib/domain/format';
import { ROLES, type Role } from '@/lib/domain/roles';
import { TASK_STATUSES, type TaskStatus } from '@/lib/domain/task-status';

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

describe('the application periods open to the organization', () => {
  const dues = applicationDueDates(day('2026-03-31'), 5); // 2027-03-31 ... 2031-03-31
  const open = (reports: { dueDate: string; status: 'SUBMITTED' | 'NEEDS_REVISION' | 'REVIEWED' }[], today = '2032-01-01') =>
    openApplicationPeriods(
      dues,
      reports.map((r) => ({ dueDate: day(r.dueDate), status: r.status })),
      day(today),
    ).map((p) => [iso(p.dueDate), p.year, p.revision]);

  it('opens a year once the year it reports on has begun: the first at once, each later one from the previous anniversary', () => {
    expect(open([], '2026-04-01')).toEqual([['2027-03-31', 1, false]]);
    const first = [{ dueDate: '2027-03-31', status: 'REVIEWED' as const }];
    expect(open(first, '2027-03-30')).toEqual([]);
    expect(open(first, '2027-03-31')).toEqual([['2028-03-31', 2, false]]);
    // A revision is open whatever the day.
    expect(open([{ dueDate: '2027-03-31', status: 'NEEDS_REVISION' }], '2026-12-01')).toEqual([['2027-03-31', 1, true]]);
  });

  it('opens only the first year without a report', () => {
    expect(open([])).toEqual([['2027-03-31', 1, false]]);
    expect(open([{ dueDate: '2027-03-31', status: 'REVIEWED' }])).toEqual([['2028-03-31', 2, false]]);
    // A submitted report not yet reviewed counts as sent: the next year opens.
    expect(open([{ dueDate: '2027-03-31', status: 'SUBMITTED' }])).toEqual([['2028-03-31', 2, false]]);
  });

  it('reopens a report sent back for revision, beside the first missing year', () => {
    expect(
      open([
        { dueDate: '2027-03-31', status: 'REVIEWED' },
        { dueDate: '2028-03-31', status: 'NEEDS_REVISION' },
      ]),
    ).toEqual([
      ['2028-03-31', 2, true],
      ['2029-03-31', 3, false],
    ]);
    expect(open([{ dueDate: '2027-03-31', status: 'NEEDS_REVISION' }])).toEqual([
      ['2027-03-31', 1, true],
      ['2028-03-31', 2, false],
    ]);
  });

  it('opens nothing once every year is sent, and only revisions then', () => {
    const all = ['2027-03-31', '2028-03-31', '2029-03-31', '2030-03-31', '2031-03-31'];
    expect(open(all.map((dueDate, i) => ({ dueDate, status: i % 2 ? ('SUBMITTED' as const) : ('REVIEWED' as const) })))).toEqual([]);
    expect(open(all.map((dueDate, i) => ({ dueDate, status: i === 4 ? ('NEEDS_REVISION' as const) : ('REVIEWED' as const) })))).toEqual([
      ['2031-03-31', 5, true],
    ]);
  });
});

describe('the day that closed a task', () => {
  const closed = (status: string, acceptanceDecisionDate: Date | null, closedAt: Date | null) => {
    const d = closingDate({ status, acceptanceDecisionDate, closedAt });
    return d && iso(d);
  };
  it('is the acceptance decision of an accepted or failed task', () => {
    expect(closed('ACCEPTED', day('2028-08-01'), new Date('2028-08-03T09:00:00Z'))).toBe('2028-08-01');
    expect(closed('NOT_ACCEPTED', day('2028-08-01'), new Date('2028-08-03T09:00:00Z'))).toBe('2028-08-01');
  });
  it('is the day of termination in Vietnam, not in UTC', () => {
    // 17:30 UTC on 31/03 is 00:30 on 01/04 in Hanoi.
    expect(closed('TERMINATED', null, new Date('2027-03-31T17:30:00Z'))).toBe('2027-04-01');
    // 16:59 UTC is 23:59 the same day.
    expect(closed('TERMINATED', null, new Date('2027-03-31T16:59:00Z'))).toBe('2027-03-31');
    // A decision date on a terminated task does not count (there is none in the normal course).
    expect(closed('TERMINATED', day('2026-01-01'), new Date('2027-03-31T17:30:00Z'))).toBe('2027-04-01');
    expect(closed('TERMINATED', null, null)).toBeNull();
  });
});

describe('what a task owes on a day', () => {
  const S: ObligationSettings = {
    reportDueDays: ['03-15', '09-15'],
    reminderDaysBefore: 14,
    acceptanceDueDays: 30,
    registrationDueDays: 30,
    liquidationDueDays: 60,
    applicationYears: 5,
  };
  const base: ObligationTask = {
    status: 'RUNNING',
    startDate: day('2027-01-15'),
    endDate: day('2028-06-30'),
    contractNo: 'HĐ-01/2027',
    acceptanceRequestedAt: null,
    acceptanceDecisionDate: null,
    closedAt: null,
    progressReportDues: [],
    registration: null,
    liquidated: false,
    applicationReports: [],
  };
  const owes = (over: Partial<ObligationTask>, today: string, settings = S) =>
    taskObligations({ ...base, ...over }, settings, day(today)).map((o) => ({ ...o, dueDate: iso(o.dueDate) }));

  describe('a running task', () => {
    it('owes the progress report due on 15/03, overdue the day after', () => {
      expect(owes({}, '2027-03-20')).toEqual([
        { kind: 'report', owner: 'organization', dueDate: '2027-03-15', state: 'overdue', daysOverdue: 5 },
      ]);
      expect(owes({}, '2027-03-16')).toEqual([
        { kind: 'report', owner: 'organization', dueDate: '2027-03-15', state: 'overdue', daysOverdue: 1 },
      ]);
      expect(owes({}, '2027-03-15')).toEqual([
        { kind: 'report', owner: 'organization', dueDate: '2027-03-15', state: 'dueSoon', daysOverdue: 0 },
      ]);
    });
    it('is reminded 14 days before, not 15', () => {
      expect(owes({}, '2027-03-01')).toEqual([
        { kind: 'report', owner: 'organization', dueDate: '2027-03-15', state: 'dueSoon', daysOverdue: 0 },
      ]);
      expect(owes({}, '2027-02-28')).toEqual([]);
    });
    it('owes nothing for a report sent', () => {
      expect(owes({ progressReportDues: [day('2027-03-15')] }, '2027-03-20')).toEqual([]);
    });
    it('owes its acceptance dossier 30 days after the end date, unless it asked for acceptance', () => {
      const sent = [day('2027-03-15'), day('2027-09-15'), day('2028-03-15')];
      // End 30/06/2028 + 30 days = 30/07/2028; on 05/08 six days late. No report falls due after 15/03/2028.
      expect(owes({ progressReportDues: sent }, '2028-08-05')).toEqual([
        { kind: 'acceptance', owner: 'organization', dueDate: '2028-07-30', state: 'overdue', daysOverdue: 6 },
      ]);
      expect(owes({ progressReportDues: sent }, '2028-07-16')).toEqual([
        { kind: 'acceptance', owner: 'organization', dueDate: '2028-07-30', state: 'dueSoon', daysOverdue: 0 },
      ]);
      expect(owes({ progressReportDues: sent }, '2028-07-15')).toEqual([]);
      expect(owes({ progressReportDues: sent, acceptanceRequestedAt: new Date('2028-07-10T03:00:00Z') }, '2028-08-05')).toEqual([]);
    });
    it('owes no liquidation, registration or application while running', () => {
      const all = owes({}, '2040-01-01');
      expect(new Set(all.map((o) => o.kind))).toEqual(new Set(['report', 'acceptance']));
    });
  });

  describe('an accepted task', () => {
    const accepted: Partial<ObligationTask> = { status: 'ACCEPTED', acceptanceDecisionDate: day('2027-12-31') };

    it('owes its registration 30 days after the decision, across the year end (31/12/2027 → 30/01/2028)', () => {
      expect(owes(accepted, '2028-01-15')).toEqual([]);
      expect(owes(accepted, '2028-01-16')).toEqual([
        { kind: 'registration', owner: 'organization', dueDate: '2028-01-30', state: 'dueSoon', daysOverdue: 0 },
      ]);
      expect(owes(accepted, '2028-02-04')).toEqual([
        { kind: 'registration', owner: 'organization', dueDate: '2028-01-30', state: 'overdue', daysOverdue: 5 },
      ]);
    });

    it('owes the liquidation to the department 60 days after the decision (29/02 in a leap year)', () => {
      expect(owes(accepted, '2028-02-20')).toEqual([
        { kind: 'registration', owner: 'organization', dueDate: '2028-01-30', state: 'overdue', daysOverdue: 21 },
        { kind: 'liquidation', owner: 'department', dueDate: '2028-02-29', state: 'dueSoon', daysOverdue: 0 },
      ]);
      expect(owes({ ...accepted, registration: { status: 'REGISTERED' } }, '2028-03-02')).toEqual([
        { kind: 'liquidation', owner: 'department', dueDate: '2028-02-29', state: 'overdue', daysOverdue: 2 },
      ]);
      expect(owes({ ...accepted, registration: { status: 'REGISTERED' }, liquidated: true }, '2028-03-02')).toEqual([]);
      // No contract, nothing to liquidate.
      expect(owes({ ...accepted, registration: { status: 'REGISTERED' }, contractNo: null }, '2028-03-02')).toEqual([]);
    });

    it('is done with the registration once submitted or registered, and owes it again when it is returned', () => {
      expect(owes({ ...accepted, registration: { status: 'SUBMITTED' }, liquidated: true }, '2028-02-04')).toEqual([]);
      expect(owes({ ...accepted, registration: { status: 'REGISTERED' }, liquidated: true }, '2028-02-04')).toEqual([]);
      expect(owes({ ...accepted, registration: { status: 'RETURNED' }, liquidated: true }, '2028-02-04')).toEqual([
        { kind: 'registration', owner: 'organization', dueDate: '2028-01-30', state: 'overdue', daysOverdue: 5 },
      ]);
    });

    it('owes the year-1 application report on the anniversary; a 29/02 decision falls due on 28/02', () => {
      const leap: Partial<ObligationTask> = {
        status: 'ACCEPTED',
        acceptanceDecisionDate: day('2028-02-29'),
        registration: { status: 'REGISTERED' },
        liquidated: true,
      };
      expect(owes(leap, '2029-03-03')).toEqual([
        { kind: 'application', owner: 'organization', dueDate: '2029-02-28', state: 'overdue', daysOverdue: 3, year: 1 },
      ]);
      expect(owes(leap, '2029-02-14')).toEqual([
        { kind: 'application', owner: 'organization', dueDate: '2029-02-28', state: 'dueSoon', daysOverdue: 0, year: 1 },
      ]);
      expect(owes({ ...leap, applicationReports: [{ dueDate: day('2029-02-28'), status: 'SUBMITTED' }] }, '2029-03-03')).toEqual([]);
      // Sent back for revision: owed again.
      expect(owes({ ...leap, applicationReports: [{ dueDate: day('2029-02-28'), status: 'NEEDS_REVISION' }] }, '2029-03-03')).toEqual([
        { kind: 'application', owner: 'organization', dueDate: '2029-02-28', state: 'overdue', daysOverdue: 3, year: 1 },
      ]);
      // Year 2 of the same decision: 28/02/2030; year 4 lands on a leap year again: 29/02/2032.
      expect(
        owes({ ...leap, applicationReports: [{ dueDate: day('2029-02-28'), status: 'REVIEWED' }] }, '2030-03-01').map((o) => [
          o.dueDate,
          o.year,
          o.daysOverdue,
        ]),
      ).toEqual([['2030-02-28', 2, 1]]);
      const sent3 = ['2029-02-28', '2030-02-28', '2031-02-28'].map((d) => ({ dueDate: day(d), status: 'REVIEWED' as const }));
      expect(owes({ ...leap, applicationReports: sent3 }, '2032-03-01').map((o) => [o.dueDate, o.year, o.daysOverdue])).toEqual([
        ['2032-02-29', 4, 1],
      ]);
    });

    it('owes no application report past the configured years', () => {
      const five = ['2028-12-31', '2029-12-31', '2030-12-31', '2031-12-31', '2032-12-31'].map((d) => ({
        dueDate: day(d),
        status: 'REVIEWED' as const,
      }));
      expect(
        owes({ ...accepted, registration: { status: 'REGISTERED' }, liquidated: true, applicationReports: five }, '2040-01-01'),
      ).toEqual([]);
      // Three years configured: year 4 is never owed.
      expect(
        owes(
          { ...accepted, registration: { status: 'REGISTERED' }, liquidated: true, applicationReports: five.slice(0, 3) },
          '2040-01-01',
          { ...S, applicationYears: 3 },
        ),
      ).toEqual([]);
    });
  });

  describe('a failed or terminated task', () => {
    it('owes only the liquidation after a failed acceptance (decision 01/08/2028 → 30/09/2028)', () => {
      const failed: Partial<ObligationTask> = {
        status: 'NOT_ACCEPTED',
        acceptanceRequestedAt: new Date('2028-07-10T03:00:00Z'),
        acceptanceDecisionDate: day('2028-08-01'),
      };
      expect(owes(failed, '2028-10-15')).toEqual([
        { kind: 'liquidation', owner: 'department', dueDate: '2028-09-30', state: 'overdue', daysOverdue: 15 },
      ]);
      expect(owes({ ...failed, liquidated: true }, '2028-10-15')).toEqual([]);
      expect(owes({ ...failed, contractNo: null }, '2028-10-15')).toEqual([]);
    });

    it('owes only the liquidation after termination, counted from the day in Vietnam', () => {
      // Terminated at 00:30 on 01/04/2027 in Hanoi (31/03 in UTC): due 31/05/2027, not 30/05.
      const terminated: Partial<ObligationTask> = { status: 'TERMINATED', closedAt: new Date('2027-03-31T17:30:00Z') };
      expect(owes(terminated, '2027-06-02')).toEqual([
        { kind: 'liquidation', owner: 'department', dueDate: '2027-05-31', state: 'overdue', daysOverdue: 2 },
      ]);
      expect(owes(terminated, '2027-05-31')).toEqual([
        { kind: 'liquidation', owner: 'department', dueDate: '2027-05-31', state: 'dueSoon', daysOverdue: 0 },
      ]);
      // Terminated before any contract: nothing to liquidate.
      expect(owes({ ...terminated, contractNo: null, startDate: null, endDate: null }, '2027-06-02')).toEqual([]);
    });
  });

  it('owes nothing in the other statuses', () => {
    const owing: readonly TaskStatus[] = ['RUNNING', 'ACCEPTED', 'NOT_ACCEPTED', 'TERMINATED'];
    for (const status of TASK_STATUSES.filter((s) => !owing.includes(s)))
      expect(owes({ status, acceptanceDecisionDate: day('2027-12-31'), closedAt: new Date('2028-01-01T00:00:00Z') }, '2040-01-01')).toEqual(
        [],
      );
  });
});
