// Report and acceptance deadlines (domain.md). Pure; dates are calendar days (UTC midnight of the day).
const DAY = 86_400_000;

export function toDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function addDays(d: Date, days: number): Date {
  return new Date(toDay(d).getTime() + days * DAY);
}

export function addMonths(d: Date, months: number): Date {
  const x = toDay(d);
  const day = x.getUTCDate();
  x.setUTCDate(1);
  x.setUTCMonth(x.getUTCMonth() + months);
  const last = new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth() + 1, 0)).getUTCDate();
  x.setUTCDate(Math.min(day, last));
  return x;
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((toDay(to).getTime() - toDay(from).getTime()) / DAY);
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

/** An extension must be requested at least `minDays` before the current end date. */
export function extensionRequestAllowed(end: Date, today: Date, minDays: number): boolean {
  return daysBetween(today, end) >= minDays;
}
