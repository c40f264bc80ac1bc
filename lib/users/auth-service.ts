import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/server/db';
import { RateLimitedError } from '@/lib/server/errors';
import { DUMMY_HASH, verifyPassword } from '@/lib/users/password';
import type { Role } from '@/lib/domain/roles';

export const LOGIN_MAX_FAILURES = 10;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

const credentials = z.object({ email: z.string().trim().toLowerCase().pipe(z.email()), password: z.string().min(1).max(200) });

export type CredentialsResult =
  | { outcome: 'ok'; user: { id: string; email: string; name: string; role: Role; organizationId: string | null; sessionVersion: number } }
  | { outcome: 'invalid' }
  | { outcome: 'disabled' };

/**
 * Checks an email and password. More than LOGIN_MAX_FAILURES failures for one email inside LOGIN_WINDOW_MS
 * (since its last success) lock that email until the window passes: RateLimitedError with the minutes left.
 * A wrong email and a wrong password give the same answer.
 */
export async function verifyCredentials(rawEmail: unknown, rawPassword: unknown, now = new Date()): Promise<CredentialsResult> {
  const parsed = credentials.safeParse({ email: rawEmail, password: rawPassword });
  if (!parsed.success) return { outcome: 'invalid' };
  const { email, password } = parsed.data;

  await assertNotLockedOut(email, now);

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, organizationId: true, active: true, passwordHash: true, sessionVersion: true, organization: { select: { status: true } } },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  await prisma.loginAttempt.create({ data: { email, succeeded: Boolean(user && ok), createdAt: now } });
  if (!user || !ok) return { outcome: 'invalid' };
  if (!user.active || user.organization?.status === 'DISABLED') return { outcome: 'disabled' };
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return { outcome: 'ok', user: { id: user.id, email: user.email, name: user.name, role: user.role, organizationId: user.organizationId, sessionVersion: user.sessionVersion } };
}

async function assertNotLockedOut(email: string, now: Date) {
  const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const lastSuccess = await prisma.loginAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gte: windowStart } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const since = lastSuccess && lastSuccess.createdAt > windowStart ? lastSuccess.createdAt : windowStart;
  const failures = await prisma.loginAttempt.findMany({
    where: { email, succeeded: false, createdAt: { gt: since } },
    orderBy: { createdAt: 'desc' },
    take: LOGIN_MAX_FAILURES,
    select: { createdAt: true },
  });
  if (failures.length < LOGIN_MAX_FAILURES) return;
  // Locked until the oldest of the last LOGIN_MAX_FAILURES failures leaves the window.
  const unlockAt = failures[failures.length - 1].createdAt.getTime() + LOGIN_WINDOW_MS;
  const minutes = Math.max(1, Math.ceil((unlockAt - now.getTime()) / 60_000));
  throw new RateLimitedError({ minutes });
}
