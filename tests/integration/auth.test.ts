import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { LOGIN_IP_MAX_FAILURES, LOGIN_MAX_FAILURES, LOGIN_WINDOW_MS, verifyCredentials } from '@/lib/server/credentials';
import { setUserActive } from '@/lib/users/service';
import { RateLimitedError } from '@/lib/server/errors';
import { loadActor } from '@/lib/server/actor';
import { openSession, revokeSession, SESSION_IDLE_MS } from '@/lib/server/sessions';
import { verifyPassword } from '@/lib/server/password';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../support/fixtures';

describe('credentials login', () => {
  it('accepts the right password, case-insensitively on the email, and stores only a bcrypt hash', async () => {
    const user = await makeUser('DEPARTMENT_STAFF');
    const result = await verifyCredentials(`  ${user.email.toUpperCase()} `, TEST_PASSWORD);
    expect(result).toMatchObject({ outcome: 'ok', user: { id: user.id, role: 'DEPARTMENT_STAFF' } });
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, lastLoginAt: true } });
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$11\$/);
    expect(stored.passwordHash).not.toContain(TEST_PASSWORD);
    expect(await verifyPassword(TEST_PASSWORD, stored.passwordHash)).toBe(true);
    expect(stored.lastLoginAt).not.toBeNull();
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const user = await makeUser('EVALUATOR');
    expect(await verifyCredentials(user.email, 'Wrong@12345')).toEqual({ outcome: 'invalid' });
    expect(await verifyCredentials('nobody-here@test.vn', TEST_PASSWORD)).toEqual({ outcome: 'invalid' });
    expect(await verifyCredentials('not an email', TEST_PASSWORD)).toEqual({ outcome: 'invalid' });
  });

  it('never returns the password hash from ordinary queries', async () => {
    const user = await makeUser('EVALUATOR');
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).not.toHaveProperty('passwordHash');
  });

  it('refuses deactivated users and users of a disabled organization', async () => {
    const inactive = await makeUser('DEPARTMENT_STAFF', { active: false });
    expect((await verifyCredentials(inactive.email, TEST_PASSWORD)).outcome).toBe('disabled');
    const org = await makeOrganization('DISABLED');
    const member = await makeUser('ORGANIZATION', { organizationId: org.id });
    expect((await verifyCredentials(member.email, TEST_PASSWORD)).outcome).toBe('disabled');
    // Sessions opened before the user or organization was disabled no longer load.
    expect(await loadActor(member.id, await openSession(prisma, member.id))).toBeNull();
    expect(await loadActor(inactive.id, await openSession(prisma, inactive.id))).toBeNull();
  });

  it('lets a user of a PENDING organization log in, marked as pending', async () => {
    const org = await makeOrganization('PENDING');
    const member = await makeUser('ORGANIZATION', { organizationId: org.id });
    const result = await verifyCredentials(member.email, TEST_PASSWORD);
    expect(result.outcome).toBe('ok');
    if (result.outcome !== 'ok') throw new Error('login failed');
    expect((await loadActor(member.id, result.sessionId))?.organizationStatus).toBe('PENDING');
  });
});

describe('login lockout', () => {
  it(`refuses an email after ${LOGIN_MAX_FAILURES} failures in 15 minutes, even with the right password, until the window passes`, async () => {
    const user = await makeUser('ORGANIZATION', { organizationId: (await makeOrganization()).id });
    const start = new Date('2026-11-26T02:00:00Z');
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      expect((await verifyCredentials(user.email, `Wrong@${i}x`, { now: new Date(start.getTime() + i * 1000) })).outcome).toBe('invalid');
    }
    const locked = verifyCredentials(user.email, TEST_PASSWORD, { now: new Date(start.getTime() + 60_000) });
    await expect(locked).rejects.toBeInstanceOf(RateLimitedError);
    await expect(verifyCredentials(user.email, TEST_PASSWORD, { now: new Date(start.getTime() + 60_000) })).rejects.toMatchObject({
      params: { minutes: 14 },
    });
    // Once the first failure has left the window, only 9 remain: the right password works again.
    const later = new Date(start.getTime() + LOGIN_WINDOW_MS + 500);
    expect((await verifyCredentials(user.email, TEST_PASSWORD, { now: later })).outcome).toBe('ok');
  });

  it('counts failures per email, and a success starts the count again', async () => {
    const a = await makeUser('EVALUATOR');
    const b = await makeUser('EVALUATOR');
    const t0 = new Date('2026-11-26T03:00:00Z');
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) await verifyCredentials(a.email, 'Wrong@1234', { now: new Date(t0.getTime() + i) });
    expect((await verifyCredentials(b.email, TEST_PASSWORD, { now: t0 })).outcome).toBe('ok');
    expect((await verifyCredentials(a.email, TEST_PASSWORD, { now: new Date(t0.getTime() + 100) })).outcome).toBe('ok');
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++)
      await verifyCredentials(a.email, 'Wrong@1234', { now: new Date(t0.getTime() + 200 + i) });
    expect((await verifyCredentials(a.email, TEST_PASSWORD, { now: new Date(t0.getTime() + 400) })).outcome).toBe('ok');
  });
});

describe('login lockout under parallel attempts', () => {
  it(`checks at most ${LOGIN_MAX_FAILURES} passwords when 40 wrong ones arrive at once for one email`, async () => {
    const user = await makeUser('EVALUATOR');
    const now = new Date('2026-11-27T02:00:00Z');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => verifyCredentials(user.email, `Wrong@${i}zz`, { now, ip: `10.1.0.${i}` })),
    );
    const checked = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(checked).toHaveLength(LOGIN_MAX_FAILURES);
    expect(refused).toHaveLength(40 - LOGIN_MAX_FAILURES);
    expect(refused.every((o) => o.status === 'rejected' && o.reason instanceof RateLimitedError)).toBe(true);
    // One row per password check: exactly the ten that were let through.
    expect(await prisma.loginAttempt.count({ where: { email: user.email } })).toBe(LOGIN_MAX_FAILURES);
    await expect(verifyCredentials(user.email, TEST_PASSWORD, { now })).rejects.toBeInstanceOf(RateLimitedError);
  });

  it(`locks one client address after ${LOGIN_IP_MAX_FAILURES} failures over many emails, without locking those emails elsewhere`, async () => {
    const now = new Date('2026-11-27T03:00:00Z');
    const ip = '203.0.113.77';
    const victims = await Promise.all(Array.from({ length: 5 }, () => makeUser('DEPARTMENT_STAFF')));
    // Thirty failures from one address, spread over five accounts (six each, under their own limit of ten).
    await Promise.all(
      Array.from({ length: LOGIN_IP_MAX_FAILURES }, (_, i) => verifyCredentials(victims[i % 5].email, `Wrong@${i}yy`, { now, ip })),
    );
    // The address is now locked, whatever email it tries next, even a right password...
    await expect(verifyCredentials(victims[0].email, TEST_PASSWORD, { now, ip })).rejects.toBeInstanceOf(RateLimitedError);
    await expect(verifyCredentials('someone-else@test.vn', 'Wrong@000', { now, ip })).rejects.toBeInstanceOf(RateLimitedError);
    // ...but each account still opens from another address: one source could not lock them out.
    for (const v of victims) expect((await verifyCredentials(v.email, TEST_PASSWORD, { now, ip: '198.51.100.5' })).outcome).toBe('ok');
    // Parallel attempts cannot pass the address limit either.
    expect(await prisma.loginAttempt.count({ where: { ip } })).toBe(LOGIN_IP_MAX_FAILURES);
  });
});

describe('server-side sessions', () => {
  it('ends one session on logout and keeps the others of the same user', async () => {
    const user = await makeUser('DEPARTMENT_STAFF');
    const office = await verifyCredentials(user.email, TEST_PASSWORD);
    const phone = await verifyCredentials(user.email, TEST_PASSWORD);
    if (office.outcome !== 'ok' || phone.outcome !== 'ok') throw new Error('login failed');
    expect(await loadActor(user.id, office.sessionId)).not.toBeNull();
    await revokeSession(office.sessionId);
    expect(await loadActor(user.id, office.sessionId)).toBeNull();
    expect(await loadActor(user.id, phone.sessionId)).not.toBeNull();
  });

  it('refuses a session of another user, an unknown one, and one idle past its expiry; use moves the expiry on', async () => {
    const a = await makeUser('EVALUATOR');
    const b = await makeUser('EVALUATOR');
    const t0 = new Date('2026-11-27T01:00:00Z');
    const sid = await openSession(prisma, a.id, {}, t0);
    expect(await loadActor(b.id, sid, t0)).toBeNull();
    expect(await loadActor(a.id, 'no-such-session', t0)).toBeNull();
    // Used after 7 hours: still valid, and the expiry moves to 8 hours after that use.
    const t7 = new Date(t0.getTime() + 7 * 3600_000);
    expect(await loadActor(a.id, sid, t7)).not.toBeNull();
    expect(await loadActor(a.id, sid, new Date(t7.getTime() + SESSION_IDLE_MS - 1000))).not.toBeNull();
    // Left idle for more than 8 hours: gone.
    const idle = await openSession(prisma, a.id, {}, t0);
    expect(await loadActor(a.id, idle, new Date(t0.getTime() + SESSION_IDLE_MS + 1))).toBeNull();
  });

  it('ends every session of a deactivated user, which reactivation does not bring back', async () => {
    const admin = await makeUser('DEPARTMENT_ADMIN');
    const adminLogin = await verifyCredentials(admin.email, TEST_PASSWORD);
    if (adminLogin.outcome !== 'ok') throw new Error('login failed');
    const adminActor = (await loadActor(admin.id, adminLogin.sessionId))!;
    const user = await makeUser('DEPARTMENT_STAFF');
    const s = await verifyCredentials(user.email, TEST_PASSWORD);
    if (s.outcome !== 'ok') throw new Error('login failed');
    await setUserActive(adminActor, { userId: user.id, active: false });
    await setUserActive(adminActor, { userId: user.id, active: true });
    expect(await loadActor(user.id, s.sessionId)).toBeNull();
    expect(await prisma.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
  });
});
