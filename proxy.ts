// The proxy: a request id for every page request, optimistic redirects to /login, the security headers of every
// page, and a first look at server action bodies. It never decides who may do what: every page, action and route
// handler checks the actor itself through lib/.
import { NextResponse, type NextRequest } from 'next/server';
import { openSessionCookie, renewedToken, sessionCookie, sessionCookieOptions } from '@/lib/server/session-token';
import { ACTION_BODY_LIMIT, checkMultipartReply, checkReplyModel } from '@/lib/server/action-body';
import { logger } from '@/lib/server/log';
import { REQUEST_ID_HEADER, requestIdFrom } from '@/lib/server/request-id';
import { contentSecurityPolicy, isHttps, STRICT_TRANSPORT_SECURITY } from '@/lib/server/security-headers';
import { createTranslator } from 'use-intl/core';
import viCore from '@/messages/vi/core.json';
import enCore from '@/messages/en/core.json';

const PROTECTED = ['/department', '/org', '/evaluator'];

/**
 * Every page request gets an id (a sane one sent by a reverse proxy in front is kept): on the request's headers,
 * where server code reads it (lib/server/request-context.ts), and on the response. One log line per request: the
 * id, the method, the path (never the query string) and the signed-in user's id. Route handlers (/api) are not
 * matched: the proxy would buffer their bodies (uploads) and cut them at 10 MB; their wrapper
 * (lib/server/route.ts) takes or makes the id itself.
 */
export async function proxy(req: NextRequest) {
  const requestId = requestIdFrom(req.headers.get(REQUEST_ID_HEADER));
  // The cookie is opened with its kept key (microseconds); whether its session still holds is for lib/ to say.
  const cookie = sessionCookie((name) => req.cookies.get(name)?.value);
  const claims = await openSessionCookie(cookie);
  logger.info({ requestId, method: req.method, path: req.nextUrl.pathname, userId: claims?.sub }, 'request');
  const refused = await refuseMalformedAction(req);
  if (refused) return withId(refused, requestId);

  const { pathname, search } = req.nextUrl;
  const isProtected = PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (isProtected && !claims?.sub) {
    const url = new URL('/login', req.nextUrl.origin);
    url.searchParams.set('callbackUrl', pathname + search);
    return withId(NextResponse.redirect(url), requestId);
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const https = isHttps(req.nextUrl, req.headers);
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development', https });
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  const headers = new Headers(req.headers);
  headers.set('content-security-policy', csp);
  headers.set('x-nonce', nonce);
  // Pages that need to send a visitor to /login and back read their own path from this header.
  headers.set('x-pathname', pathname + search);
  headers.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  if (https) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  // The session rolls on while the user works: a cookie older than ten minutes is reissued with a fresh expiry.
  const renewed = claims && cookie ? await renewedToken(claims, cookie.name) : null;
  if (renewed && cookie) response.cookies.set(cookie.name, renewed, sessionCookieOptions(cookie.name));
  return withId(response, requestId);
}

function withId<T extends Response>(response: T, requestId: string): T {
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

/** 413 for a server action body over Next's limit, 400 for one Next could not decode; null when it is fine. */
async function refuseMalformedAction(req: NextRequest): Promise<Response | null> {
  if (req.method !== 'POST' || !req.headers.has('next-action')) return null;
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > ACTION_BODY_LIMIT) return refusal(req, 413, 'bodyTooLarge');
  const bytes = await readCapped(req, ACTION_BODY_LIMIT);
  if (bytes === null) return refusal(req, 413, 'bodyTooLarge');
  const type = req.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(new Blob([new Uint8Array(bytes)]), { headers: { 'content-type': type } }).formData().catch(() => null);
    return !form || checkMultipartReply(form) === 'malformed' ? refusal(req, 400, 'malformedRequest') : null;
  }
  if (type.startsWith('application/x-www-form-urlencoded')) return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return checkReplyModel(text) === 'malformed' ? refusal(req, 400, 'malformedRequest') : null;
}

/** The body, or null when it is longer than `limit` (read no further than that). */
async function readCapped(req: NextRequest, limit: number): Promise<Uint8Array | null> {
  const reader = req.clone().body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function refusal(req: NextRequest, status: 400 | 413, key: 'bodyTooLarge' | 'malformedRequest') {
  // The catalogs are compiled at build time (next.config.js): a message with arguments is formatted by use-intl.
  const en = req.cookies.get('NEXT_LOCALE')?.value === 'en';
  const t = createTranslator({ locale: en ? 'en' : 'vi', messages: en ? enCore : viCore, namespace: 'errors' });
  const error = t(key, { mb: String(ACTION_BODY_LIMIT / 1024 / 1024) });
  return NextResponse.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } });
}

export const config = { matcher: ['/((?!api|_next/static|_next/image|favicon.ico).*)'] };
