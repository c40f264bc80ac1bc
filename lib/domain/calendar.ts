// The department's calendar: the time zone (Asia/Ho_Chi_Minh) and the years any date may have; wall-clock times
// read as instants with @date-fns/tz (the zone's rules decide, no fixed offsets). Shown with lib/domain/format.ts.
import { TZDate } from '@date-fns/tz';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

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
