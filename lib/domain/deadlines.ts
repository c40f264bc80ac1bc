// Report and acceptance deadlines (domain.md). Pure; dates are calendar days (UTC midnight of the day).
import { vietnamDay } from './format';
// Calendar arithmetic on UTC midnights with Date.UTC, where calendar days are stored: UTC has no daylight saving,
// so a day is always 86 400 000 ms and a month is the calendar's (Date.UTC rolls the month and year over). This
// runs for every obligation of every task in the overdue lists and the deadline scan: going through a time-zone
// library for UTC cost about a millisecond per task.
const DAY_MS = 86_400_000;

export function toDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function addDays(d: Date, days: number): Date {
  return new Date(toDay(d).getTime() + days * DAY_MS);
}

/** The same day `months` later (the month's last day when it is shorter: 31/01 + 1 month = 28/02). */
export function addMonths(d: Date, months: number): Date {
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d.getUTCDate(), lastDay)));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier), whatever the times of day. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((toDay(to).getTime() - toDay(from).getTime()) / DAY_MS);
}

/** The progress-report due dates (every year on `dueDays`, "MM-DD") that fall after the start and up to the end. */
export function reportDueDates(start: Date, end: Date, dueDays: readonly string[]): Date[] {
  const out: Date[] = [];
  for (let y = start.getUTCFullYear(); y <= end.getUTCFullYear(); y++) {
    for (const md of dueDays) {
      const [m, d] = md.split('-').map(Number);
      const due = new Date(Date.UTC(y, m - 1, d));
      if (due > toDay(start) && due <= toDay(end)) out.push(due);
    }
  }
  return out.sort((a, b) => a.getTime() - b.getTime());
}

export type ReportDue = { dueDate: Date; state: 'submitted' | 'overdue' | 'dueSoon' | 'upcoming' };

/** Each due period of a running task with its state on `today`. */
export function reportSchedule(input: {
  start: Date;
  end: Date;
  dueDays: readonly string[];
  submitted: Date[];
  today: Date;
  reminderDays: number;
}): ReportDue[] {
  const done = new Set(input.submitted.map((d) => toDay(d).getTime()));
  const today = toDay(input.today);
  return reportDueDates(input.start, input.end, input.dueDays).map((dueDate) => {
    if (done.has(dueDate.getTime())) return { dueDate, state: 'submitted' as const };
    if (dueDate < today) return { dueDate, state: 'overdue' as const };
    if (daysBetween(today, dueDate) <= input.reminderDays) return { dueDate, state: 'dueSoon' as const };
    return { dueDate, state: 'upcoming' as const };
  });
}

/** The acceptance dossier is due `acceptanceDueDays` after the (extended) end date; later is late. */
export function acceptanceDueDate(end: Date, acceptanceDueDays: number): Date {
  return addDays(end, acceptanceDueDays);
}

export function isAcceptanceLate(end: Date, requestedAt: Date, acceptanceDueDays: number): boolean {
  return toDay(requestedAt) > acceptanceDueDate(end, acceptanceDueDays);
}

/**
 * Whether a task's acceptance dossier came late: requested, on the calendar of Vietnam, after the due date that
 * follows its (extended) end date. The one statement of lateness: the council's grade and the dossier both ask it.
 */
export function acceptanceCameLate(task: { endDate: Date | null; acceptanceRequestedAt: Date | null }, acceptanceDueDays: number): boolean {
  return task.endDate && task.acceptanceRequestedAt
    ? isAcceptanceLate(task.endDate, vietnamDay(task.acceptanceRequestedAt), acceptanceDueDays)
    : false;
}

/** An extension must be requested at least `minDays` before the current end date. */
export function extensionRequestAllowed(end: Date, today: Date, minDays: number): boolean {
  return daysBetween(today, end) >= minDays;
}
