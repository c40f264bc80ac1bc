// Shared zod pieces for ids, versions, money and dates, used by forms and services alike.
import { z } from './zod';
import { MAX_YEAR, MIN_YEAR, parseVietnamLocalDateTime, vietnamDay } from './format';
import { isStorableText } from './clean-input';
import { pageParam } from './paging';

/** A record's id as the app makes them (cuid): anything else cannot name a record. */
export const recordId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'validation.invalid');

/** An optional choice of a record in a form's select: '' (none chosen) or absent -> undefined. */
export const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), recordId.optional());

/** Search text from a URL: what cannot be stored (or searched for) is dropped rather than refused. */
export const searchText = (max: number) => z.string().trim().max(max).refine(isStorableText).optional().catch(undefined);

/** A new password: at least 8 characters, with a letter and a digit. */
export const passwordSchema = z
  .string()
  .min(8, 'validation.passwordTooShort')
  .max(100, 'validation.tooLong')
  .regex(/[A-Za-z]/, 'validation.passwordLetterDigit')
  .regex(/\d/, 'validation.passwordLetterDigit');

/** The page of a list, as the one page parser reads it (anything unreadable is page 1). */
export const pageField = z
  .unknown()
  .optional()
  .transform((v) => pageParam(v));

/** The largest value of a PostgreSQL integer column. */
export const INT32_MAX = 2_147_483_647;

/** The version of a record the user loaded (optimistic locking). */
export const version = z.coerce.number().int().min(1).max(INT32_MAX);

/** The largest amount accepted anywhere: 10 000 billion đồng. Anything above is a typing mistake. */
export const MAX_VND = 10_000_000_000_000n;

/** Whole đồng from "1.250.000.000", "1 250 000 000", "1250000000" or a number; refuses decimals and negatives. */
export const money = z.union([z.string(), z.number(), z.bigint()]).transform((v, ctx) => {
  const s =
    typeof v === 'string'
      ? v
          .trim()
          .replace(/[.\s\u00a0]/g, '')
          .replace(/₫|đ|vnd/gi, '')
      : String(v);
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
    if (d.getUTCFullYear() < MIN_YEAR || d.getUTCFullYear() > MAX_YEAR) {
      ctx.addIssue({ code: 'custom', message: 'validation.dateRange' });
      return z.NEVER;
    }
    return d;
  });

/** A wall-clock time in Vietnam from a datetime-local input ("2026-12-31T17:00") -> the instant. */
export const vnDateTime = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .transform((s, ctx) => {
    const d = parseVietnamLocalDateTime(s);
    if (!d) {
      ctx.addIssue({ code: 'custom', message: 'validation.dateTime' });
      return z.NEVER;
    }
    return d;
  });

export const optionalVnDateTime = z.preprocess((v) => (v === '' || v === null ? undefined : v), vnDateTime.optional());

export const optionalDay = z.preprocess((v) => (v === '' || v === null ? undefined : v), day.optional());

export const intIn = (min: number, max: number) => z.coerce.number().int('validation.wholeNumber').min(min).max(Math.min(max, INT32_MAX));

export const optionalInt = (min: number, max: number) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), intIn(min, max).optional());

/** A Date at UTC midnight -> "YYYY-MM-DD" (for date inputs). */
export function dayString(d: Date | null | undefined): string {
  return d ? d.toISOString().slice(0, 10) : '';
}

/** Today in Vietnam as a date input's value ("2027-01-05"): the default of a decision's date. */
export const todayValue = (now = new Date()) => dayString(vietnamDay(now));

/**
 * A field a proposal must have before it is submitted (while a draft may leave it empty): empty is refused with
 * "required for submission", anything else is checked by `schema`.
 */
export const neededToSubmit = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z
      .unknown()
      .refine((v) => v !== undefined && !(Array.isArray(v) && v.length === 0), 'validation.requiredForSubmission')
      .pipe(schema),
  );
