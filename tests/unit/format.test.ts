import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatVnd, parseVietnamLocalDateTime, yearInVietnam } from '@/lib/domain/format';

describe('money in VND', () => {
  it('groups whole đồng with dots and the ₫ sign', () => {
    expect(formatVnd(1_250_000_000n)).toBe('1.250.000.000 ₫');
    expect(formatVnd(0n)).toBe('0 ₫');
    expect(formatVnd(999n)).toBe('999 ₫');
    expect(formatVnd(1000)).toBe('1.000 ₫');
    expect(formatVnd(-2_500_000n)).toBe('-2.500.000 ₫');
    expect(formatVnd(null)).toBe('—');
  });

  it('keeps precision beyond Number.MAX_SAFE_INTEGER', () => {
    expect(formatVnd(12_345_678_901_234_567_890n)).toBe('12.345.678.901.234.567.890 ₫');
  });
});

describe('dates in Asia/Ho_Chi_Minh', () => {
  it('shows the Vietnamese calendar day, not the UTC one', () => {
    // 18:30 UTC on 31 Dec is already 1 Jan in Vietnam (UTC+7).
    const instant = new Date('2026-12-31T18:30:00Z');
    expect(formatDate(instant)).toBe('01/01/2027');
    expect(formatDateTime(instant)).toBe('01/01/2027 01:30');
    expect(yearInVietnam(instant)).toBe(2027);
  });

  it('parses a wall-clock time in Vietnam', () => {
    expect(parseVietnamLocalDateTime('2026-12-31T17:00')?.toISOString()).toBe('2026-12-31T10:00:00.000Z');
    expect(parseVietnamLocalDateTime('2026-02-30T10:00')).toBeNull();
    expect(parseVietnamLocalDateTime('31/12/2026')).toBeNull();
  });
});

describe('vietnamDay', () => {
  it('gives the calendar day in Vietnam, which starts 7 hours before the UTC day', async () => {
    const { vietnamDay } = await import('@/lib/domain/format');
    expect(vietnamDay(new Date('2026-07-30T22:00:00Z')).toISOString()).toBe('2026-07-31T00:00:00.000Z');
    expect(vietnamDay(new Date('2026-07-30T16:59:59Z')).toISOString()).toBe('2026-07-30T00:00:00.000Z');
  });
});

describe('dates with the zone rules of Asia/Ho_Chi_Minh (date-fns/tz), at the year and month edges', () => {
  it('puts an instant on the calendar day of Vietnam', async () => {
    const { vietnamDay, yearInVietnam, formatDateTime, vietnamDateTimeInputValue, parseVietnamLocalDateTime } =
      await import('@/lib/domain/format');
    expect(vietnamDay(new Date('2026-12-31T16:59:59Z')).toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(vietnamDay(new Date('2026-12-31T17:00:00Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(vietnamDay(new Date('2027-02-28T17:30:00Z')).toISOString()).toBe('2027-03-01T00:00:00.000Z');
    expect(yearInVietnam(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
    expect(formatDateTime(new Date('2026-12-31T17:05:00Z'))).toBe('01/01/2027 00:05');
    expect(vietnamDateTimeInputValue(new Date('2026-12-31T17:05:00Z'))).toBe('2027-01-01T00:05');
    expect(parseVietnamLocalDateTime('2027-01-01T00:05')?.toISOString()).toBe('2026-12-31T17:05:00.000Z');
  });

  it('reads a yearly due day as the screens write it (15/03) and stores it as MM-DD', async () => {
    const { monthDay, monthDayLabel } = await import('@/lib/domain/settings');
    expect(monthDay.parse('15/03')).toBe('03-15');
    expect(monthDay.parse('1/9')).toBe('09-01');
    expect(monthDay.parse('03-15')).toBe('03-15');
    for (const bad of ['29/02', '31/04', '15/13', '00/01', '2026-03-15', 'giữa tháng'])
      expect(monthDay.safeParse(bad).success, bad).toBe(false);
    expect(monthDayLabel('03-15')).toBe('15/03');
  });
});
