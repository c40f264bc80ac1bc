import { fieldErrorsOf, type ZodMiniType, type output } from '@/lib/domain/zod';
import { inputProblems } from '@/lib/domain/clean-input';
import { NotFoundError, ValidationError } from '@/lib/server/errors';
import { recordId } from '@/lib/domain/inputs';

/**
 * Parses untrusted input with the same schema the form uses; a ValidationError carries the field messages.
 * Before the schema, every input is checked for what no field may hold (NUL bytes, lone surrogates, endless
 * nesting), so no schema can forget it and nothing of the kind reaches the database.
 */
export function parseInput<S extends ZodMiniType>(schema: S, raw: unknown): output<S> {
  const problems = inputProblems(raw);
  if (Object.keys(problems).length) throw new ValidationError('invalidInput', problems);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ValidationError('invalidInput', fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** An id taken from a URL or a caller: one that cannot name a record (malformed, NUL bytes...) is a 404. */
export function idOrNotFound(id: unknown): string {
  const parsed = recordId.safeParse(id);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
}
