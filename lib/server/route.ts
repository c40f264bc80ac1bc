import 'server-only';
import type { AppError } from '@/lib/server/errors';
import { describeError, translate } from '@/lib/server/error-message';
import { getActor } from '@/lib/server/session';
import type { Actor } from '@/lib/users/actor';

const STATUS: Record<AppError['code'], number> = { NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409, VALIDATION: 422, UNAUTHENTICATED: 401, RATE_LIMITED: 429 };

/**
 * The wrapper of JSON route handlers: the actor is loaded and required; typed errors become
 * `{ error, fieldErrors? }` in the user's language with the matching HTTP status; others a logged 500.
 */
export async function handleRoute(fn: (actor: Actor) => Promise<Response>): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: await translate('errors.unauthenticated') }, { status: 401 });
  try {
    return await fn(actor);
  } catch (e) {
    const { code, ...body } = await describeError(e, 'route');
    return Response.json(body, { status: code ? STATUS[code] : 500 });
  }
}
