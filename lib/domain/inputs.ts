// Shared zod pieces for money and dates, used by forms and services alike.
import { z } from './zod';

/** The largest amount accepted anywhere: 10 000 billion đồng. Anything above is a typing mistake. */
export const MAX_VND = 10_000_000_000_000n;

/** Whole đồng from "1.250.000.000", "1 250 000 000", "1250000000" or a number; refuses decimals and negatives. */
export const money = z
  .union([z.string(), z.number(), z.bigint()])
  .transform((v, ctx) => {
    const s = typeof v === 'string' ? v.trim().replace(/[.\s\u00a0]/g, '').replace(/₫|đ|vnd/gi, '') : String(v);
    if (!/^\d+$/.test(s)) {
      ctx.addIssue({ code: 'custom', message: s.startsWith('-') ? 'validation.moneyNegative' : 'validation.money' });
      return z.NEVER;
    }
    const n = BigInt(s);
    if (n > MAX_VND) {
      ctx.addIssue({ code: 'custom', message: 'validation.moneyTooLarge' });
      return z.NEVER;
    }
    return n;
  });

export const positiveMoney = money.refine((n) => n > 0n, 'validation.moneyPositive');

/** Optional money field: '' or absent -> undefined. */
export const optionalMoney = z.preprocess((v) => (v === '' || v === null ? undefined : v), money.optional());

/** A calendar date "YYYY-MM-DD" -> Date at UTC midnight. */
export const day = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
  .transform((s, ctx) => {
    const d = new Date(`${s}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
      ctx.addIssue({ code: 'custom', message: 'validation.date' });
      return z.NEVER;
    }
    return d;
  });

export const optionalDay = z.preprocess((v) => (v === '' || v === null ? undefined : v), day.optional());

export const intIn = (min: number, max: number) => z.coerce.number().int('validation.wholeNumber').min(min).max(max);

export const optionalInt = (min: number, max: number) => z.preprocess((v) => (v === '' || v === null ? undefined : v), intIn(min, max).optional());

/** A Date at UTC midnight -> "YYYY-MM-DD" (for date inputs). */
export function dayString(d: Date | null | undefined): string {
  return d ? d.toISOString().slice(0, 10) : '';
}
