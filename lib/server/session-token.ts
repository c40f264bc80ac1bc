// The session cookie, read and written in microseconds. next-auth keeps the session in an encrypted JWT (JWE,
// dir + A256CBC-HS512) whose key it derives from AUTH_SECRET with HKDF on every encode and decode; its `auth()`
// also runs its whole request handler and re-encrypts the cookie on every call. Here the key is derived once per
// secret and cookie name and kept, and the cookie is decoded directly: next-auth uses these same functions
// (lib/server/auth.ts, `jwt: { encode, decode }`), so the tokens it issues at login are the ones read here, byte
// for byte the format of @auth/core/jwt. Whether the session still holds is decided by its Session row
// (lib/server/actor.ts), never by the cookie alone.
import { hkdfSync } from 'node:crypto';
import { base64url, calculateJwkThumbprint, EncryptJWT, jwtDecrypt, type JWTPayload } from 'jose';
import type { Role } from '@/lib/domain/roles';

/** The session's working day: the cookie's lifetime, renewed while the user is active (see `renewedToken`). */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;
/** A cookie older than this is reissued with a fresh expiry by the proxy; younger ones are left alone. */
export const SESSION_RENEW_AFTER_S = 10 * 60;

const PLAIN_COOKIE = 'authjs.session-token';
const SECURE_COOKIE = `__Secure-${PLAIN_COOKIE}`;
const ALG = 'dir';
const ENC = 'A256CBC-HS512';
/** Seconds a token is still taken after its expiry (clocks of several servers differ a little). */
const CLOCK_TOLERANCE_S = 15;

/** What the app keeps in the cookie (lib/server/auth.ts, `jwt` callback). */
export type SessionClaims = JWTPayload & {
  sub?: string;
  sid?: string;
  role?: Role;
  organizationId?: string | null;
};

type DerivedKey = { key: Uint8Array; kid: string };
const derived = new Map<string, Promise<DerivedKey>>();

/** The key @auth/core derives (HKDF-SHA256, salt = the cookie's name), computed once per secret, name and size. */
function derivedKey(secret: string, salt: string, enc: string): Promise<DerivedKey> {
  const length = enc === 'A256GCM' ? 32 : 64;
  const id = `${length}\u0000${salt}\u0000${secret}`;
  let entry = derived.get(id);
  if (!entry) {
    entry = (async () => {
      const key = new Uint8Array(hkdfSync('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, length));
      const kid = await calculateJwkThumbprint({ kty: 'oct', k: base64url.encode(key) }, `sha${key.byteLength << 3}` as 'sha256');
      return { key, kid };
    })();
    derived.set(id, entry);
  }
  return entry;
}

function secretsOf(secret: string | string[] | undefined): string[] {
  const list = (Array.isArray(secret) ? secret : [secret]).filter((s): s is string => Boolean(s));
  if (list.length === 0) throw new Error('AUTH_SECRET is not set');
  return list;
}

/** The secret next-auth is configured with (lib/server/auth.ts passes the same). */
export function authSecret(): string | undefined {
  return process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
}

/** next-auth's `jwt.encode`, with the derived key kept. */
export async function encode(params: { token?: JWTPayload; secret: string | string[]; salt: string; maxAge?: number }): Promise<string> {
  const { key, kid } = await derivedKey(secretsOf(params.secret)[0], params.salt, ENC);
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(params.token ?? {})
    .setProtectedHeader({ alg: ALG, enc: ENC, kid })
    .setIssuedAt(now)
    .setExpirationTime(now + (params.maxAge ?? SESSION_MAX_AGE_S))
    .setJti(crypto.randomUUID())
    .encrypt(key);
}

/** next-auth's `jwt.decode`, with the derived key kept. Throws on a token it cannot open (next-auth expects that). */
export async function decode(params: { token?: string; secret: string | string[]; salt: string }): Promise<SessionClaims | null> {
  if (!params.token) return null;
  const secrets = secretsOf(params.secret);
  const { payload } = await jwtDecrypt<SessionClaims>(
    params.token,
    async ({ kid, enc }) => {
      for (const secret of secrets) {
        const k = await derivedKey(secret, params.salt, enc);
        if (kid === undefined || kid === k.kid) return k.key;
      }
      throw new Error('no matching decryption secret');
    },
    { clockTolerance: CLOCK_TOLERANCE_S, keyManagementAlgorithms: [ALG], contentEncryptionAlgorithms: [ENC, 'A256GCM'] },
  );
  return payload;
}

/** The session cookie as the browser sent it: its name (secure or not) and value, chunks joined; null when absent. */
export function sessionCookie(get: (name: string) => string | undefined): { name: string; value: string } | null {
  for (const name of [SECURE_COOKIE, PLAIN_COOKIE]) {
    const whole = get(name);
    if (whole) return { name, value: whole };
    // next-auth splits a cookie over 4 kB into name.0, name.1, …
    let value = '';
    for (let i = 0; ; i++) {
      const part = get(`${name}.${i}`);
      if (!part) break;
      value += part;
    }
    if (value) return { name, value };
  }
  return null;
}

/** The claims of the request's session cookie, or null when there is none or it does not open (tampered, expired). */
export async function readSessionCookie(get: (name: string) => string | undefined): Promise<SessionClaims | null> {
  return openSessionCookie(sessionCookie(get));
}

/** The claims of a session cookie found by `sessionCookie`, or null (none, tampered, expired). */
export async function openSessionCookie(cookie: { name: string; value: string } | null, now = Date.now()): Promise<SessionClaims | null> {
  const secret = authSecret();
  if (!cookie || !secret) return null;
  // A cookie opened before (the proxy, then the page or action, of the same request; the user's next requests)
  // gives the same claims: kept by its exact value, still checked for expiry. Whether the session holds is
  // the database's to say on every request (lib/server/actor.ts), never this memo's.
  const key = `${cookie.name}\n${cookie.value}`;
  const seen = opened.get(key);
  if (seen?.secret === secret) {
    // Expired as jose decides it: at exp + the tolerance, to the second.
    if (typeof seen.claims.exp === 'number' && Math.floor(now / 1000) >= seen.claims.exp + CLOCK_TOLERANCE_S) {
      opened.delete(key);
      return null;
    }
    return seen.claims;
  }
  try {
    const claims = await decode({ token: cookie.value, secret, salt: cookie.name });
    if (claims) {
      if (opened.size >= OPENED_MAX) opened.delete(opened.keys().next().value!);
      opened.set(key, { secret, claims });
    }
    return claims;
  } catch {
    return null;
  }
}

/** Cookies opened lately, by value (bounded; the oldest goes first). Only cookies that opened are kept. */
const opened = new Map<string, { secret: string | string[]; claims: SessionClaims }>();
const OPENED_MAX = 5000;

/**
 * A fresh token for a cookie issued more than SESSION_RENEW_AFTER_S ago (the session rolls on while the user
 * works), or null when the cookie is young enough: at most one encryption every ten minutes per user, instead of
 * one per request.
 */
export async function renewedToken(claims: SessionClaims, cookieName: string, now = Date.now()): Promise<string | null> {
  const secret = authSecret();
  if (!secret || typeof claims.iat !== 'number' || now / 1000 - claims.iat < SESSION_RENEW_AFTER_S) return null;
  const { iat: _iat, exp: _exp, jti: _jti, ...token } = claims;
  return encode({ token, secret, salt: cookieName, maxAge: SESSION_MAX_AGE_S });
}

/** The options next-auth sets the session cookie with (@auth/core's defaults), for the proxy's renewal. */
export function sessionCookieOptions(cookieName: string) {
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: cookieName === SECURE_COOKIE, maxAge: SESSION_MAX_AGE_S };
}
