// Money and dates in vi-VN form. Money is whole đồng held as bigint; times are shown in Asia/Ho_Chi_Minh, with
// date-fns and @date-fns/tz (no fixed offsets: the zone's rules decide).
import { format, getYear } from 'date-fns';
import { tz } from '@date-fns/tz';
import { TIME_ZONE } from './calendar';
import type { Locale } from './locale';

// The pieces without date-fns' formatting live in their own modules, which browser code imports directly (so a
// page that only needs a language's name or a money amount does not download date-fns); here they are one import.
export * from './locale';
export * from './money';
export * from './calendar';

/** Time zone contexts for date-fns: the department's wall clock, and UTC for calendar days stored as UTC midnight. */
export const IN_VIETNAM = { in: tz(TIME_ZONE) };
export const IN_UTC = { in: tz('UTC') };

const toDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);

/** dd/mm/yyyy in Asia/Ho_Chi_Minh (both languages: the department's documents use it). */
export function formatDate(value: Date | string | null | undefined, _locale: Locale = 'vi'): string {
  return value ? format(toDate(value), 'dd/MM/yyyy', IN_VIETNAM) : '—';
}

/** A calendar day kept as "YYYY-MM-DD" in a notice's parameters, as dd/mm/yyyy; anything else as it is. */
export function formatDayParam(value: string, locale: Locale = 'vi'): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(new Date(`${value}T00:00:00Z`), locale) : value;
}

/** dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh. */
export function formatDateTime(value: Date | string | null | undefined, _locale: Locale = 'vi'): string {
  return value ? format(toDate(value), 'dd/MM/yyyy HH:mm', IN_VIETNAM) : '—';
}

/** The calendar year of an instant in Asia/Ho_Chi_Minh. */
export function yearInVietnam(value: Date): number {
  return getYear(value, IN_VIETNAM);
}

/** The inverse of parseVietnamLocalDateTime: an instant -> "YYYY-MM-DDTHH:mm" wall clock in Vietnam. */
export function vietnamDateTimeInputValue(value: Date | string | null | undefined): string {
  return value ? format(toDate(value), "yyyy-MM-dd'T'HH:mm", IN_VIETNAM) : '';
}
