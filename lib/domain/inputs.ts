// Shared zod pieces for ids, versions, money and dates, used by forms and services alike.
import * as z from './zod';
import { MAX_YEAR, MIN_YEAR, parseVietnamLocalDateTime, vietnamDay } from './calendar';
import { isStorableText } from './clean-input';
import { pageParam } from './paging';
import { readMoney } from './money';

/** A record's id as the app makes them (cuid): anything else cannot name a record. */
export const recordId = z.string().check(z.trim(), z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, 'validation.invalid'));

/** An optional choice of a record in a form's select: '' (none chosen) or absent -> undefined. */
export const optionalId = z.emptyAsUndefined(recordId);

/** Search text from a URL: what cannot be stored (or searched for) is dropped rather than refused. */
export const searchText = (max: number) =>
  z.catch(z.optional(z.string().check(z.trim(), z.maxLength(max), z.refine(isStorableText))), undefined);

/** A new password: at least 8 characters, with a letter and a digit. */
export const passwordSchema = z
  .string()
  .check(
    z.minLength(8, 'validation.passwordTooShort'),
    z.maxLength(100, 'validation.tooLong'),
    z.regex(/[A-Za-z]/, 'validation.passwordLetterDigit'),
    z.regex(/\d/, 'validation.passwordLetterDigit'),
  );

/** The page of a list, as the one page parser reads it (anything unreadable is page 1). */
export const pageField = z.pipe(
  z.optional(z.unknown()),
  z.transform((v) => pageParam(v)),
);

/** The largest value of a PostgreSQL integer column. */
export const INT32_MAX = 2_147_483_647;

/** The version of a record the user loaded (optimistic locking). */
export const version = z.coerce.number().check(z.int(), z.gte(1), z.lte(INT32_MAX));

/** The largest amount accepted anywhere: 10 000 billion đồng. Anything above is a typing mistake. */
export { MAX_VND } from './money';

/** Whole đồng from "1.250.000.000", "1 250 000 000", "1250000000" or a number; refuses decimals and negatives. */
export const money = z.pipe(
  z.union([z.string(), z.number(), z.bigint()]),
  z.transform((v: string | number | bigint, ctx) => {
    const read = readMoney(v);
    return read.ok ? read.amount : z.refuse(ctx, read.message);
  }),
);

export const positiveMoney = money.check(z.refine((n) => n > 0n, 'validation.moneyPositive'));

/** Optional money field: '' or absent -> undefined. */
export const optionalMoney = z.emptyAsUndefined(money);

/** A calendar date "YYYY-MM-DD" -> Date at UTC midnight. */
export const day = z.pipe(
  z.string().check(z.trim(), z.minLength(1, 'validation.required'), z.regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')),
  z.transform((s: string, ctx) => {
    const d = new Date(`${s}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
      return z.refuse(ctx, 'validation.date');
    }
    if (d.getUTCFullYear() < MIN_YEAR || d.getUTCFullYear() > MAX_YEAR) {
      return z.refuse(ctx, 'validation.dateRange');
    }
    return d;
  }),
);

/** A wall-clock time in Vietnam from a datetime-local input ("2026-12-31T17:00") -> the instant. */
export const vnDateTime = z.pipe(
  z.string().check(z.trim(), z.minLength(1, 'validation.required')),
  z.transform((s: string, ctx) => {
    const d = parseVietnamLocalDateTime(s);
    if (!d) {
      return z.refuse(ctx, 'validation.dateTime');
    }
    return d;
  }),
);

export const optionalVnDateTime = z.emptyAsUndefined(vnDateTime);

export const optionalDay = z.emptyAsUndefined(day);

export const intIn = (min: number, max: number) =>
  z.coerce.number().check(z.int('validation.wholeNumber'), z.gte(min), z.lte(Math.min(max, INT32_MAX)));

export const optionalInt = (min: number, max: number) => z.emptyAsUndefined(intIn(min, max));

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
export const neededToSubmit = <T extends z.core.$ZodType>(schema: T) =>
  z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.pipe(
      z.unknown().check(z.refine((v) => v !== undefined && !(Array.isArray(v) && v.length === 0), 'validation.requiredForSubmission')),
      schema,
    ),
  );
