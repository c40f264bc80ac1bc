import 'server-only';
import { randomUUID } from 'node:crypto';
import { getTranslations } from 'next-intl/server';
import { AppError, isDatabaseUnavailable, ServiceUnavailableError, ValidationError } from '@/lib/server/errors';

export type ErrorMessage = { error: string; fieldErrors?: Record<string, string>; code?: AppError['code'] };

/** A message key (with parameters) in the user's language; an unknown key is returned as it is. */
export async function translate(key: string, params: Record<string, string | number> = {}): Promise<string> {
  const t = await getTranslations();
  return t.has(key) ? t(key, params) : key;
}

/**
 * What the user is told about a failure, shared by server actions and route handlers: an expected (typed)
 * error in their language with its field messages; anything else logged with a request id and answered with a
 * generic message (never the error's own text).
 */
export async function describeError(e: unknown, source: string): Promise<ErrorMessage> {
  if (!(e instanceof AppError) && isDatabaseUnavailable(e)) {
    // Expected in an outage: one line in the log, and the user is told their text is kept and to try again.
    console.warn(`[${source}] database unavailable: ${describeCause(e)}`);
    e = new ServiceUnavailableError();
  }
  if (e instanceof AppError) {
    const error = await translate(`errors.${e.messageKey}`, e.params);
    if (!(e instanceof ValidationError)) return { error, code: e.code };
    const fieldErrors: Record<string, string> = {};
    for (const [field, keys] of Object.entries(e.fieldErrors)) fieldErrors[field] = await translate(keys[0], e.params);
    return { error, fieldErrors, code: e.code };
  }
  const requestId = randomUUID().slice(0, 8);
  console.error(`[${source}] request ${requestId} failed:`, e);
  return { error: await translate('errors.unexpected', { requestId }) };
}

function describeCause(e: unknown): string {
  const err = e as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  return [err.code, err.meta?.driverAdapterError?.cause?.kind].filter(Boolean).join(' ') || (e instanceof Error ? e.name : 'unknown');
}
