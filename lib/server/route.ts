import 'server-only';
import { AppError } from '@/lib/server/errors';
import { describeError, failureFields } from '@/lib/server/error-message';
import { levelOf, logger, outcomeOf, since, type Outcome } from '@/lib/server/log';
import { REQUEST_ID_HEADER } from '@/lib/server/request-id';
import { requestContext } from '@/lib/server/request-context';
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
 * Retry-After; others a 500 with the request's id. Nothing escapes, the actor's loading included. Each call is
 * one line in the log: the route's path, the request id, the user, the status, the outcome and the time it took
 * (the error's stack when unexpected); never the body, the query or the file.
 */
export async function handleRoute(fn: (actor: Actor) => Promise<Response>): Promise<Response> {
  return respond(async (line) => {
    const actor = await getActor();
    if (!actor) throw new AppError('UNAUTHENTICATED', 'unauthenticated');
    line.userId = actor.id;
    return fn(actor);
  });
}

/**
 * The same answers for a route open to anonymous callers. `quiet`: a success is logged at debug level only
 * (the health check, polled every few seconds by load balancers).
 */
export async function handlePublicRoute(fn: () => Promise<Response>, opts: { quiet?: boolean } = {}): Promise<Response> {
  return respond(fn, opts);
}

type Line = { userId?: string };

/** A response the handler returned itself (not a thrown error), as an outcome. */
function outcomeOfStatus(status: number): Outcome {
  if (status < 400) return 'ok';
  const code = (Object.keys(STATUS) as AppError['code'][]).find((c) => STATUS[c] === status);
  return code ? outcomeOf(code) : status === 400 ? 'validation' : 'error';
}

async function respond(fn: (line: Line) => Promise<Response>, { quiet = false }: { quiet?: boolean } = {}): Promise<Response> {
  const start = performance.now();
  const { requestId, route } = await requestContext();
  const line: Line = {};
  const write = (status: number, fields: { outcome: Outcome } & Record<string, unknown>) => {
    const level = fields.outcome === 'ok' && quiet ? 'debug' : levelOf(fields.outcome);
    logger[level]({ requestId, route, ...line, status, ...fields, durationMs: since(start) }, 'route');
  };
  try {
    const response = await fn(line);
    write(response.status, { outcome: outcomeOfStatus(response.status) });
    return withRequestId(response, requestId);
  } catch (e) {
    const { code, ...body } = await describeError(e, requestId);
    const status = code ? STATUS[code] : 500;
    write(status, failureFields(e));
    const headers: Record<string, string> = { 'Cache-Control': 'no-store', [REQUEST_ID_HEADER]: requestId };
    if (status === 503) headers['Retry-After'] = String(RETRY_AFTER_SECONDS);
    return Response.json(body, { status, headers });
  }
}

/** The request's id on the response too (a response whose headers are frozen goes as it is). */
function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
  } catch {
    // Immutable headers (a fetched or redirect response): nothing to add.
  }
  return response;
}

/**
 * next-auth's session endpoint, answered only for a session that still holds on the server (not logged out,
 * not revoked by a password reset or deactivation, not expired): otherwise `null`, as for no cookie at all.
 */
export async function sessionEndpoint(nextAuthAnswer: () => Promise<Response>): Promise<Response> {
  return respond(
    async (line) => {
      const actor = await getActor();
      if (!actor) return Response.json(null, { headers: { 'Cache-Control': 'no-store' } });
      line.userId = actor.id;
      return nextAuthAnswer();
    },
    { quiet: true },
  );
}
