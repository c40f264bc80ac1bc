// zod configured once for the whole app, browser and server alike: every message is a key of the
// "validation" namespace of messages/*.json, so a form shows it in the user's language. Schemas import z
// from here.
import { z } from 'zod';

z.config({
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

export { z };

/** Optional text field from a form: '' becomes undefined. */
export const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max).optional());

export const requiredText = (max: number, min = 1) => z.string().trim().min(min).max(max);

export type FieldErrorMap = Record<string, string[]>;

/** zod issues -> { "a.b.0": ["validation.required"] } keyed by dotted path. */
export function fieldErrorsOf(error: z.ZodError): FieldErrorMap {
  const out: FieldErrorMap = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
