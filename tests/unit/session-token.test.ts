import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decode as authDecode, encode as authEncode } from '@auth/core/jwt';
import {
  decode,
  encode,
  openSessionCookie,
  readSessionCookie,
  renewedToken,
  SESSION_MAX_AGE_S,
  SESSION_RENEW_AFTER_S,
  sessionCookie,
  sessionCookieOptions,
} from '@/lib/server/session-token';

const SECRET = 'unit-secret-0123456789abcdef0123456789';
const NAME = 'authjs.session-token';
const claims = { sub: 'user-1', sid: 'session-1', role: 'ORGANIZATION' as const, organizationId: 'org-1' };

describe('the session cookie with a kept key', () => {
  const before = process.env.AUTH_SECRET;
  beforeEach(() => {
    process.env.AUTH_SECRET = SECRET;
  });
  afterEach(() => {
    process.env.AUTH_SECRET = before;
  });

  it('opens the tokens @auth/core issues, and @auth/core opens ours (the same format and key)', async () => {
    const theirs = await authEncode({ token: claims, secret: SECRET, salt: NAME, maxAge: 60 });
    expect(await decode({ token: theirs, secret: SECRET, salt: NAME })).toMatchObject(claims);
    const ours = await encode({ token: claims, secret: SECRET, salt: NAME, maxAge: 60 });
    const opened = await authDecode({ token: ours, secret: SECRET, salt: NAME });
    expect(opened).toMatchObject(claims);
    expect(opened!.exp! - opened!.iat!).toBe(60);
  });

  it('refuses a token of another secret, another cookie name, or one tampered with', async () => {
    const token = await encode({ token: claims, secret: SECRET, salt: NAME });
    await expect(decode({ token, secret: 'another-secret-0123456789abcdef012345', salt: NAME })).rejects.toThrow();
    await expect(decode({ token, secret: SECRET, salt: `__Secure-${NAME}` })).rejects.toThrow();
    const parts = token.split('.');
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith('AA') ? 'BB' : 'AA');
    await expect(decode({ token: parts.join('.'), secret: SECRET, salt: NAME })).rejects.toThrow();
  });

  it('reads the secure cookie first, joins chunks, and answers null for none or garbage', async () => {
    const token = await encode({ token: claims, secret: SECRET, salt: NAME });
    const jar = (c: Record<string, string>) => (n: string) => c[n];
    expect(sessionCookie(jar({}))).toBeNull();
    expect(sessionCookie(jar({ [NAME]: 'x', [`__Secure-${NAME}`]: 'y' }))).toEqual({ name: `__Secure-${NAME}`, value: 'y' });
    expect(sessionCookie(jar({ [`${NAME}.0`]: token.slice(0, 100), [`${NAME}.1`]: token.slice(100) }))).toEqual({
      name: NAME,
      value: token,
    });
    expect(await readSessionCookie(jar({ [NAME]: token }))).toMatchObject(claims);
    expect(await readSessionCookie(jar({ [NAME]: 'not-a-token' }))).toBeNull();
    expect(await readSessionCookie(jar({}))).toBeNull();
  });

  it('keeps an opened cookie by its value, yet refuses it once expired or under another secret', async () => {
    const cookie = { name: NAME, value: await encode({ token: claims, secret: SECRET, salt: NAME, maxAge: 60 }) };
    const first = await openSessionCookie(cookie);
    expect(first).toMatchObject(claims);
    expect(await openSessionCookie(cookie)).toBe(first); // the same claims, not opened again
    const expired = (first!.exp! + 16) * 1000; // past the 15 s allowed for clocks
    expect(await openSessionCookie(cookie, expired)).toBeNull();
    expect(await openSessionCookie(cookie)).toMatchObject(claims); // opened again, and still valid now
    process.env.AUTH_SECRET = 'another-secret-0123456789abcdef012345';
    expect(await openSessionCookie(cookie)).toBeNull();
  });

  it('is renewed only when older than the renewal age, keeping its claims and a fresh expiry', async () => {
    const token = await encode({ token: claims, secret: SECRET, salt: NAME });
    const read = (await decode({ token, secret: SECRET, salt: NAME }))!;
    expect(await renewedToken(read, NAME, read.iat! * 1000 + (SESSION_RENEW_AFTER_S - 1) * 1000)).toBeNull();
    const renewed = await renewedToken(read, NAME, read.iat! * 1000 + SESSION_RENEW_AFTER_S * 1000);
    expect(renewed).not.toBeNull();
    const fresh = (await decode({ token: renewed!, secret: SECRET, salt: NAME }))!;
    expect(fresh).toMatchObject(claims);
    expect(fresh.jti).not.toBe(read.jti);
    expect(fresh.exp! - fresh.iat!).toBe(SESSION_MAX_AGE_S);
    expect(sessionCookieOptions(NAME)).toMatchObject({ httpOnly: true, secure: false, sameSite: 'lax', path: '/' });
    expect(sessionCookieOptions(`__Secure-${NAME}`).secure).toBe(true);
  });
});
