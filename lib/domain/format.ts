// Money and dates in vi-VN form. Money is whole đồng held as bigint; times are shown in Asia/Ho_Chi_Minh, with
// date-fns and @date-fns/tz (no fixed offsets: the zone's rules decide).
import { format, getYear } from 'date-fns';
import { TZDate, tz } from '@date-fns/tz';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';
/** Each language by its own name (the language switch, the profile). */
export const LOCALE_NAMES: Record<Locale, string> = { vi: 'Tiếng Việt', en: 'English' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** 1250000000 -> "1.250.000.000": what a money input shows (the money schema accepts it back); null -> ''. */
export function moneyInputValue(amount: bigint | number | string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '';
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 1250000000n -> "1.250.000.000 ₫" (vi-VN grouping and symbol in both languages). */
export function formatVnd(amount: bigint | number | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  const n = typeof amount === 'bigint' ? amount : BigInt(Math.trunc(amount));
  const negative = n < 0n;
  return `${negative ? '-' : ''}${moneyInputValue(negative ? -n : n)} ₫`;
}

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

/** Years any date in the app may have: a typing mistake outside them is refused, not stored. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/**
 * A "YYYY-MM-DDTHH:mm" wall-clock time in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) as an instant; null for
 * anything else, an impossible one included (31/02, 10:75, 24:00, year 0).
 */
export function parseVietnamLocalDateTime(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number);
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (y < MIN_YEAR || y > MAX_YEAR || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return new Date(new TZDate(y, mo - 1, d, h, mi, TIME_ZONE).getTime());
}

/** The calendar day in Asia/Ho_Chi_Minh of an instant, as a Date at UTC midnight (the form deadlines use). */
export function vietnamDay(value: Date): Date {
  const local = new TZDate(value.getTime(), TIME_ZONE);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
}

/** The inverse of parseVietnamLocalDateTime: an instant -> "YYYY-MM-DDTHH:mm" wall clock in Vietnam. */
export function vietnamDateTimeInputValue(value: Date | string | null | undefined): string {
  return value ? format(toDate(value), "yyyy-MM-dd'T'HH:mm", IN_VIETNAM) : '';
}
