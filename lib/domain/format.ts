// Money and dates in vi-VN form. Money is whole đồng held as bigint; times are shown in Asia/Ho_Chi_Minh.

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

const intlLocale = (locale: Locale) => (locale === 'vi' ? 'vi-VN' : 'en-GB');

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

/** dd/mm/yyyy in Asia/Ho_Chi_Minh. */
export function formatDate(value: Date | string | null | undefined, locale: Locale = 'vi'): string {
  if (!value) return '—';
  const d = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(d);
}

/** dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh. */
export function formatDateTime(value: Date | string | null | undefined, locale: Locale = 'vi'): string {
  if (!value) return '—';
  const d = typeof value === 'string' ? new Date(value) : value;
  const parts = new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** The calendar year of an instant in Asia/Ho_Chi_Minh. */
export function yearInVietnam(value: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric' }).format(value));
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
  if (y < MIN_YEAR || y > MAX_YEAR || h > 23 || mi > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h - 7, mi);
  const back = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return new Date(utc);
}

/** The calendar day in Asia/Ho_Chi_Minh of an instant, as a Date at UTC midnight (the form deadlines use). */
export function vietnamDay(value: Date): Date {
  return new Date(
    `${new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(value)}T00:00:00Z`,
  );
}

/** The inverse of parseVietnamLocalDateTime: an instant -> "YYYY-MM-DDTHH:mm" wall clock in Vietnam (UTC+7). */
export function vietnamDateTimeInputValue(value: Date | string | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
}
