import { z, fieldErrorsOf } from '@/lib/domain/zod';
import { ValidationError } from '@/lib/server/errors';

/** Parses untrusted input with the same schema the form uses; a ValidationError carries the field messages. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ValidationError('invalidInput', fieldErrorsOf(parsed.error));
  return parsed.data;
}
