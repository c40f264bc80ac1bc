import { describe, expect, it } from 'vitest';
import {
  acceptanceDueDate,
  addDays,
  addMonths,
  daysBetween,
  extensionRequestAllowed,
  isAcceptanceLate,
  reportDueDates,
  reportSchedule,
  toDay,
} from '@/lib/domain/deadlines';
import { DEFAULT_SETTINGS } from '@/lib/domain/settings';

const D = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const isos = (ds: Date[]) => ds.map(iso);
const DUE = DEFAULT_SETTINGS.reportDueDays;

describe('defaults used by these tests', () => {
  it('are 15 March and 15 September, 14 reminder days, 60 days for extensions, 30 days for acceptance', () => {
    expect(DUE).toEqual(['03-15', '09-15']);
    expect(DEFAULT_SETTINGS.reminderDaysBefore).toBe(14);
    expect(DEFAULT_SETTINGS.extensionMinDaysBeforeEnd).toBe(60);
    expect(DEFAULT_SETTINGS.acceptanceDueDays).toBe(30);
  });
});

describe('day helpers', () => {
  it('toDay drops the time of day (UTC)', () => {
    expect(toDay(new Date('2026-05-20T23:59:59.999Z')).toISOString()).toBe('2026-05-20T00:00:00.000Z');
  });
  it('addDays and daysBetween count calendar days', () => {
    expect(iso(addDays(D('2026-02-27'), 2))).toBe('2026-03-01');
    expect(iso(addDays(D('2028-02-28'), 1))).toBe('2028-02-29');
    expect(iso(addDays(D('2026-03-01'), -1))).toBe('2026-02-28');
    expect(daysBetween(D('2026-01-01'), D('2027-01-01'))).toBe(365);
    expect(daysBetween(D('2026-01-10'), D('2026-01-01'))).toBe(-9);
    expect(daysBetween(new Date('2026-01-01T23:00:00Z'), new Date('2026-01-02T01:00:00Z'))).toBe(1);
  });

  it("addMonths keeps the day, or the month's last day when the month is shorter, across years and backwards", () => {
    expect(iso(addMonths(D('2026-01-31'), 1))).toBe('2026-02-28');
    expect(iso(addMonths(D('2028-01-31'), 1))).toBe('2028-02-29');
    expect(iso(addMonths(D('2026-03-31'), 1))).toBe('2026-04-30');
    expect(iso(addMonths(D('2026-11-15'), 2))).toBe('2027-01-15');
    expect(iso(addMonths(D('2026-12-31'), 12))).toBe('2027-12-31');
    expect(iso(addMonths(D('2028-02-29'), 12))).toBe('2029-02-28');
    expect(iso(addMonths(D('2026-03-31'), -1))).toBe('2026-02-28');
    expect(iso(addMonths(D('2026-01-15'), -13))).toBe('2024-12-15');
    expect(iso(addMonths(new Date('2026-05-20T17:30:00Z'), 18))).toBe('2027-11-20');
  });
});

describe('reportDueDates (start exclusive, end inclusive)', () => {
  it('lists 15 March and 15 September in the span, in order', () => {
    expect(isos(reportDueDates(D('2026-01-10'), D('2027-06-30'), DUE))).toEqual(['2026-03-15', '2026-09-15', '2027-03-15']);
  });

  it('spans three years', () => {
    expect(isos(reportDueDates(D('2025-10-01'), D('2027-12-31'), DUE))).toEqual(['2026-03-15', '2026-09-15', '2027-03-15', '2027-09-15']);
  });

  it('excludes a due day equal to the start', () => {
    expect(isos(reportDueDates(D('2026-03-15'), D('2026-12-31'), DUE))).toEqual(['2026-09-15']);
    expect(isos(reportDueDates(new Date('2026-03-15T09:30:00Z'), D('2026-12-31'), DUE))).toEqual(['2026-09-15']);
  });

  it('includes a due day equal to the end', () => {
    expect(isos(reportDueDates(D('2026-01-01'), D('2026-09-15'), DUE))).toEqual(['2026-03-15', '2026-09-15']);
    expect(isos(reportDueDates(D('2026-01-01'), new Date('2026-09-15T18:00:00Z'), DUE))).toEqual(['2026-03-15', '2026-09-15']);
  });

  it('includes the day after the start and excludes the day after the end', () => {
    expect(isos(reportDueDates(D('2026-03-14'), D('2026-09-14'), DUE))).toEqual(['2026-03-15']);
  });

  it('is empty for a span without due days, or an inverted one', () => {
    expect(reportDueDates(D('2026-03-16'), D('2026-09-14'), DUE)).toEqual([]);
    expect(reportDueDates(D('2027-01-01'), D('2026-01-01'), DUE)).toEqual([]);
  });

  it('sorts whatever order the days are configured in', () => {
    expect(isos(reportDueDates(D('2026-01-01'), D('2026-12-31'), ['09-15', '03-15', '06-30']))).toEqual([
      '2026-03-15',
      '2026-06-30',
      '2026-09-15',
    ]);
  });
});

describe('reportSchedule', () => {
  const base = { start: D('2026-01-01'), end: D('2027-12-31'), dueDays: DUE, reminderDays: DEFAULT_SETTINGS.reminderDaysBefore };
  const states = (r: ReturnType<typeof reportSchedule>) => r.map((x) => [iso(x.dueDate), x.state]);

  it('marks submitted, dueSoon and upcoming periods', () => {
    const r = reportSchedule({ ...base, submitted: [D('2026-03-15')], today: D('2026-09-05') });
    expect(states(r)).toEqual([
      ['2026-03-15', 'submitted'],
      ['2026-09-15', 'dueSoon'],
      ['2027-03-15', 'upcoming'],
      ['2027-09-15', 'upcoming'],
    ]);
  });

  it('marks past unsubmitted periods overdue, from the day after the due day', () => {
    const r = reportSchedule({ ...base, submitted: [], today: D('2026-09-16') });
    expect(states(r).slice(0, 3)).toEqual([
      ['2026-03-15', 'overdue'],
      ['2026-09-15', 'overdue'],
      ['2027-03-15', 'upcoming'],
    ]);
  });

  it('the due day itself is dueSoon, not overdue', () => {
    const r = reportSchedule({ ...base, submitted: [], today: new Date('2026-03-15T16:00:00Z') });
    expect(r[0]).toEqual({ dueDate: D('2026-03-15'), state: 'dueSoon' });
  });

  it('is dueSoon exactly reminderDays before, upcoming one day earlier', () => {
    expect(reportSchedule({ ...base, submitted: [], today: D('2026-03-01') })[0].state).toBe('dueSoon'); // 14 days
    expect(reportSchedule({ ...base, submitted: [], today: D('2026-02-28') })[0].state).toBe('upcoming'); // 15 days
    expect(reportSchedule({ ...base, submitted: [], today: D('2026-03-08'), reminderDays: 7 })[0].state).toBe('dueSoon');
    expect(reportSchedule({ ...base, submitted: [], today: D('2026-03-07'), reminderDays: 7 })[0].state).toBe('upcoming');
  });

  it('a submitted period stays submitted after its due day; matching is by calendar day', () => {
    const r = reportSchedule({ ...base, submitted: [new Date('2026-03-15T10:00:00Z')], today: D('2026-12-01') });
    expect(states(r).slice(0, 2)).toEqual([
      ['2026-03-15', 'submitted'],
      ['2026-09-15', 'overdue'],
    ]);
  });

  it('is empty when no due day falls in the span', () => {
    expect(reportSchedule({ ...base, start: D('2026-03-16'), end: D('2026-09-14'), submitted: [], today: D('2026-05-01') })).toEqual([]);
  });
});

describe('addMonths (clamps to the end of the month)', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-01-29', 1, '2026-02-28'],
    ['2028-01-30', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-01-31', 12, '2027-01-31'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-01-31', 24, '2028-01-31'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-31', -2, '2025-11-30'],
    ['2026-05-20', 0, '2026-05-20'],
  ])('%s + %i months = %s', (from, months, to) => {
    expect(iso(addMonths(D(from), months))).toBe(to);
  });

  it('returns a day (midnight UTC) and leaves its input alone', () => {
    const input = new Date('2026-01-31T15:45:00Z');
    const out = addMonths(input, 1);
    expect(out.toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(input.toISOString()).toBe('2026-01-31T15:45:00.000Z');
  });
});

describe('acceptance dossier lateness (due 30 days after the end)', () => {
  const end = D('2026-06-30');
  const days = DEFAULT_SETTINGS.acceptanceDueDays;

  it('is due 30 days after the end', () => {
    expect(iso(acceptanceDueDate(end, days))).toBe('2026-07-30');
  });

  it('is not late on the due day itself, at any hour', () => {
    expect(isAcceptanceLate(end, D('2026-07-30'), days)).toBe(false);
    expect(isAcceptanceLate(end, new Date('2026-07-30T16:59:59Z'), days)).toBe(false);
  });

  it('is late one day after', () => {
    expect(isAcceptanceLate(end, D('2026-07-31'), days)).toBe(true);
  });

  it('is not late before or on the end date', () => {
    expect(isAcceptanceLate(end, D('2026-06-30'), days)).toBe(false);
    expect(isAcceptanceLate(end, D('2026-05-01'), days)).toBe(false);
  });

  it('follows the (extended) end date and a custom number of days', () => {
    const extended = addMonths(end, 6); // 2026-12-30
    expect(isAcceptanceLate(extended, D('2027-01-29'), days)).toBe(false);
    expect(isAcceptanceLate(extended, D('2027-01-30'), days)).toBe(true);
    expect(isAcceptanceLate(end, D('2026-07-10'), 10)).toBe(false);
    expect(isAcceptanceLate(end, D('2026-07-11'), 10)).toBe(true);
  });
});

describe('extension request (at least 60 days before the end)', () => {
  const end = D('2026-12-31');
  const min = DEFAULT_SETTINGS.extensionMinDaysBeforeEnd;

  it('is allowed exactly 60 days before', () => {
    expect(iso(addDays(end, -60))).toBe('2026-11-01');
    expect(extensionRequestAllowed(end, D('2026-11-01'), min)).toBe(true);
    expect(extensionRequestAllowed(end, new Date('2026-11-01T16:00:00Z'), min)).toBe(true);
  });

  it('is refused 59 days before', () => {
    expect(extensionRequestAllowed(end, D('2026-11-02'), min)).toBe(false);
  });

  it('is allowed earlier and refused on or after the end', () => {
    expect(extensionRequestAllowed(end, D('2026-10-31'), min)).toBe(true);
    expect(extensionRequestAllowed(end, D('2026-01-01'), min)).toBe(true);
    expect(extensionRequestAllowed(end, end, min)).toBe(false);
    expect(extensionRequestAllowed(end, D('2027-01-15'), min)).toBe(false);
  });

  it('follows a custom minimum', () => {
    expect(extensionRequestAllowed(end, D('2026-12-01'), 30)).toBe(true);
    expect(extensionRequestAllowed(end, D('2026-12-02'), 30)).toBe(false);
    expect(extensionRequestAllowed(end, end, 0)).toBe(true);
  });
});
