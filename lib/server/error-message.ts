import 'server-only';
import { getTranslations } from 'next-intl/server';
import { AppError, isDatabaseUnavailable, ServiceUnavailableError, ValidationError } from '@/lib/server/errors';
import { outcomeOf, type Outcome } from '@/lib/server/log';

export type ErrorMessage = { error: string; fieldErrors?: Record<string, string>; code?: AppError['code'] };

/** A message key (with parameters) in the user's language; an unknown key is returned as it is. */
export async function translate(key: string, params: Record<string, string | number> = {}): Promise<string> {
  const t = await getTranslations();
  return t.has(key) ? t(key, params) : key;
}

/**
 * What the user is told about a failure, shared by server actions and route handlers: an expected (typed)
 * error in their language with its field messages; a database outage "briefly unavailable"; anything else a
 * generic message with the request's id (never the error's own text), which the caller logs with the error.
 */
export async function describeError(e: unknown, requestId: string): Promise<ErrorMessage> {
  if (!(e instanceof AppError) && isDatabaseUnavailable(e)) e = new ServiceUnavailableError();
  if (e instanceof AppError) {
    const error = await translate(`errors.${e.messageKey}`, e.params);
    if (!(e instanceof ValidationError)) return { error, code: e.code };
    const fieldErrors: Record<string, string> = {};
    for (const [field, keys] of Object.entries(e.fieldErrors)) fieldErrors[field] = await translate(keys[0], e.params);
    return { error, fieldErrors, code: e.code };
  }
  return { error: await translate('errors.unexpected', { requestId }) };
}

/**
 * How a failure goes into the log: its outcome; for an outage the driver's code (one short line, expected);
 * for anything unexpected the error itself (message and stack); for a typed error only its message key.
 */
export function failureFields(e: unknown): { outcome: Outcome; err?: unknown; cause?: string; messageKey?: string } {
  if (e instanceof AppError) return { outcome: outcomeOf(e.code), messageKey: e.messageKey };
  if (isDatabaseUnavailable(e)) return { outcome: 'unavailable', cause: describeCause(e) };
  return { outcome: 'error', err: e };
}

function describeCause(e: unknown): string {
  const err = e as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  return [err.code, err.meta?.driverAdapterError?.cause?.kind].filter(Boolean).join(' ') || (e instanceof Error ? e.name : 'unknown');
}
