// Values for form inputs built from stored data (pure helpers for the department forms).
import { dayString } from '@/lib/domain/inputs';
import { vietnamDay } from '@/lib/domain/format';

/** 1250000000n -> "1.250.000.000" (what a money text input accepts); null -> ''. */
export function moneyInputValue(amount: bigint | number | null | undefined): string {
  if (amount === null || amount === undefined) return '';
  return amount.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** An instant -> "YYYY-MM-DDTHH:mm" wall clock in Vietnam (UTC+7, no daylight saving), for datetime-local inputs. */
export function vietnamDateTimeInputValue(value: Date | string | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
}

/** Today in Vietnam as "YYYY-MM-DD" (for date inputs). */
export function todayInputValue(now = new Date()): string {
  return dayString(vietnamDay(now));
}
