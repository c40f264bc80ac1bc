import 'server-only';
import { randomUUID } from 'node:crypto';
import { getTranslations } from 'next-intl/server';
import { AppError, ValidationError } from '@/lib/server/errors';
import { getActor } from '@/lib/server/session';
import type { Actor } from '@/lib/users/actor';

const STATUS: Record<AppError['code'], number> = { NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409, VALIDATION: 422, UNAUTHENTICATED: 401, RATE_LIMITED: 429 };

/**
 * The wrapper of JSON route handlers: the actor is loaded and required; typed errors become
 * `{ error, fieldErrors? }` in the user's language with the matching HTTP status; others a logged 500.
 */
export async function handleRoute(fn: (actor: Actor) => Promise<Response>): Promise<Response> {
  const t = await getTranslations();
  const tr = (key: string, params: Record<string, string | number> = {}) => (t.has(key) ? t(key, params) : key);
  const actor = await getActor();
  if (!actor) return Response.json({ error: tr('errors.unauthenticated') }, { status: 401 });
  try {
    return await fn(actor);
  } catch (e) {
    if (e instanceof AppError) {
      const body: { error: string; fieldErrors?: Record<string, string> } = { error: tr(`errors.${e.messageKey}`, e.params) };
      if (e instanceof ValidationError) body.fieldErrors = Object.fromEntries(Object.entries(e.fieldErrors).map(([k, v]) => [k, tr(v[0], e.params)]));
      return Response.json(body, { status: STATUS[e.code] });
    }
    const requestId = randomUUID().slice(0, 8);
    console.error(`[route] request ${requestId} failed:`, e);
    return Response.json({ error: tr('errors.unexpected', { requestId }) }, { status: 500 });
  }
}
