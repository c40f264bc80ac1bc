import 'server-only';
import { AppError } from '@/lib/server/errors';
import { describeError } from '@/lib/server/error-message';
import { getActor } from '@/lib/server/session';
import type { Actor } from '@/lib/server/actor';

const STATUS: Record<AppError['code'], number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  TOO_LARGE: 413,
  UNAVAILABLE: 503,
};
/** Seconds a client should wait before trying again when the database is out of reach. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The wrapper of JSON route handlers: the actor is loaded and required; typed errors become
 * `{ error, fieldErrors? }` in the user's language with the matching HTTP status; a database outage a 503 with
 * Retry-After; others a logged 500. Nothing escapes, the actor's loading included.
 */
export async function handleRoute(fn: (actor: Actor) => Promise<Response>): Promise<Response> {
  return respond(async () => {
    const actor = await getActor();
    if (!actor) throw new AppError('UNAUTHENTICATED', 'unauthenticated');
    return fn(actor);
  });
}

/** The same answers for a route open to anonymous callers. */
export async function handlePublicRoute(fn: () => Promise<Response>): Promise<Response> {
  return respond(fn);
}

async function respond(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    const { code, ...body } = await describeError(e, 'route');
    const status = code ? STATUS[code] : 500;
    return Response.json(body, {
      status,
      headers:
        status === 503 ? { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' } : { 'Cache-Control': 'no-store' },
    });
  }
}

/**
 * next-auth's session endpoint, answered only for a session that still holds on the server (not logged out,
 * not revoked by a password reset or deactivation, not expired): otherwise `null`, as for no cookie at all.
 */
export async function sessionEndpoint(nextAuthAnswer: () => Promise<Response>): Promise<Response> {
  return respond(async () => {
    const actor = await getActor();
    if (!actor) return Response.json(null, { headers: { 'Cache-Control': 'no-store' } });
    return nextAuthAnswer();
  });
}
