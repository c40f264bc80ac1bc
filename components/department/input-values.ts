// Values for form inputs built from stored data (pure helpers for the department forms).
import { dayString } from '@/lib/domain/inputs';
import { vietnamDay } from '@/lib/domain/format';

/** Today in Vietnam as "YYYY-MM-DD" (for date inputs). */
export function todayInputValue(now = new Date()): string {
  return dayString(vietnamDay(now));
}
