// zod configured once for the whole app, browser and server alike: every message is a key of the
// "validation" namespace of messages/*.json, so a form shows it in the user's language.
//
// The API is zod/mini's (functional, tree-shakable): the forms validate in the browser with the very schemas the
// services parse with, and the browser receives only the pieces of zod those schemas use, not the whole library.
// Schemas import it as a namespace, `import * as z from '@/lib/domain/zod'` (a namespace object passed on as a
// value, e.g. `export { z }`, would make every bundler keep all of zod). What chaining zod writes as methods is
// written here as functions: `z.optional(s)`, `z.catch(s, v)`, `z._default(s, v)`, `z.pipe(a, b)`, and checks in
// `.check(z.trim(), z.minLength(2), z.maxLength(100), z.refine(...), z.superRefine(...))`.
import { config, pipe, transform, string, optional, trim, minLength, maxLength, NEVER, type core } from 'zod/mini';

config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined || issue.input === null || issue.input === '') return 'validation.required';
        return issue.expected === 'number' ? 'validation.number' : 'validation.invalid';
      case 'too_small':
        if (issue.origin === 'string')
          return Number(issue.minimum) <= 1 || issue.input === '' ? 'validation.required' : 'validation.tooShort';
        if (issue.origin === 'array') return 'validation.atLeastOne';
        return 'validation.tooSmall';
      case 'too_big':
        return issue.origin === 'string' ? 'validation.tooLong' : 'validation.tooBig';
      case 'invalid_format':
        return issue.format === 'email' ? 'validation.email' : 'validation.invalid';
      case 'invalid_value':
        return 'validation.choose';
      default:
        return 'validation.invalid';
    }
  },
});

export * from 'zod/mini';

/** zod's `preprocess`: `fn` turns the raw value into what `schema` parses (e.g. '' into undefined). */
export const preprocess = <T extends core.$ZodType>(fn: (value: unknown) => unknown, schema: T) => pipe(transform(fn), schema);

/** '' or null (an empty field, a select left on "none") -> undefined, then `schema`. */
export const emptyAsUndefined = <T extends core.$ZodType>(schema: T) =>
  preprocess((v) => (v === '' || v === null ? undefined : v), optional(schema));

/** Optional text field from a form: '' becomes undefined. */
export const optionalText = (max: number) =>
  preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), optional(string().check(trim(), maxLength(max))));

/**
 * Inside a transform: refuses the value with a message key (zod/mini's transforms record an issue by pushing it;
 * the one the server and the form both show).
 */
export function refuse(ctx: core.ParsePayload, message: string): never {
  ctx.issues.push({ code: 'custom', message, input: ctx.value });
  return NEVER;
}

export const requiredText = (max: number, min = 1) => string().check(trim(), minLength(min), maxLength(max));

export type FieldErrorMap = Record<string, string[]>;

/** zod issues -> { "a.b.0": ["validation.required"] } keyed by dotted path. */
export function fieldErrorsOf(error: core.$ZodError): FieldErrorMap {
  const out: FieldErrorMap = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
