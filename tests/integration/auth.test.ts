import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { LOGIN_MAX_FAILURES, LOGIN_WINDOW_MS, verifyCredentials } from '@/lib/users/auth-service';
import { RateLimitedError } from '@/lib/server/errors';
import { loadActor } from '@/lib/users/actor';
import { verifyPassword } from '@/lib/users/password';
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
    expect(await loadActor(member.id)).toBeNull();
    expect(await loadActor(inactive.id)).toBeNull();
  });

  it('lets a user of a PENDING organization log in, marked as pending', async () => {
    const org = await makeOrganization('PENDING');
    const member = await makeUser('ORGANIZATION', { organizationId: org.id });
    const result = await verifyCredentials(member.email, TEST_PASSWORD);
    expect(result.outcome).toBe('ok');
    expect((await loadActor(member.id))?.organizationStatus).toBe('PENDING');
  });
});

describe('login lockout', () => {
  it(`refuses an email after ${LOGIN_MAX_FAILURES} failures in 15 minutes, even with the right password, until the window passes`, async () => {
    const user = await makeUser('ORGANIZATION', { organizationId: (await makeOrganization()).id });
    const start = new Date('2026-11-26T02:00:00Z');
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      expect((await verifyCredentials(user.email, `Wrong@${i}x`, new Date(start.getTime() + i * 1000))).outcome).toBe('invalid');
    }
    const locked = verifyCredentials(user.email, TEST_PASSWORD, new Date(start.getTime() + 60_000));
    await expect(locked).rejects.toBeInstanceOf(RateLimitedError);
    await expect(verifyCredentials(user.email, TEST_PASSWORD, new Date(start.getTime() + 60_000))).rejects.toMatchObject({ params: { minutes: 14 } });
    // Once the first failure has left the window, only 9 remain: the right password works again.
    const later = new Date(start.getTime() + LOGIN_WINDOW_MS + 500);
    expect((await verifyCredentials(user.email, TEST_PASSWORD, later)).outcome).toBe('ok');
  });

  it('counts failures per email, and a success starts the count again', async () => {
    const a = await makeUser('EVALUATOR');
    const b = await makeUser('EVALUATOR');
    const t0 = new Date('2026-11-26T03:00:00Z');
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) await verifyCredentials(a.email, 'Wrong@1234', new Date(t0.getTime() + i));
    expect((await verifyCredentials(b.email, TEST_PASSWORD, t0)).outcome).toBe('ok');
    expect((await verifyCredentials(a.email, TEST_PASSWORD, new Date(t0.getTime() + 100))).outcome).toBe('ok');
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) await verifyCredentials(a.email, 'Wrong@1234', new Date(t0.getTime() + 200 + i));
    expect((await verifyCredentials(a.email, TEST_PASSWORD, new Date(t0.getTime() + 400))).outcome).toBe('ok');
  });
});
