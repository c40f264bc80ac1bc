import 'server-only';
import { z } from 'zod';
import { prisma, type Tx } from '@/lib/server/db';
import { RateLimitedError } from '@/lib/server/errors';
import { DUMMY_HASH, verifyPassword } from '@/lib/server/password';
import type { Role } from '@/lib/domain/roles';
import { openSession, type SessionMeta } from './sessions';

/** Failed logins for one email within the window that lock it (counted since its last success). */
export const LOGIN_MAX_FAILURES = 10;
/** Failed logins from one client address within the window that lock that address, whatever the emails. */
export const LOGIN_IP_MAX_FAILURES = 30;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

const credentials = z.object({ email: z.string().trim().toLowerCase().max(254).pipe(z.email()), password: z.string().min(1).max(200) });

export type LoginUser = { id: string; email: string; name: string; role: Role; organizationId: string | null };

export type CredentialsResult = { outcome: 'ok'; user: LoginUser; sessionId: string } | { outcome: 'invalid' } | { outcome: 'disabled' };

export type LoginContext = SessionMeta & { now?: Date };

/**
 * The login: checks an email and password and, when they match an active user, opens a server-side session.
 * Two lockouts, each counted atomically: more than LOGIN_MAX_FAILURES failures for one email, or more than
 * LOGIN_IP_MAX_FAILURES from one client address, inside LOGIN_WINDOW_MS lock that email (or address) until the
 * window passes: RateLimitedError with the minutes left. A wrong email and a wrong password give the same answer.
 */
export async function verifyCredentials(rawEmail: unknown, rawPassword: unknown, context: LoginContext = {}): Promise<CredentialsResult> {
  const now = context.now ?? new Date();
  const parsed = credentials.safeParse({ email: rawEmail, password: rawPassword });
  if (!parsed.success) return { outcome: 'invalid' };
  const { email, password } = parsed.data;
  const ip = context.ip?.slice(0, 64) || null;

  const attemptId = await reserveAttempt(email, ip, now);

  const user = await prisma.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      organizationId: true,
      active: true,
      passwordHash: true,
      organization: { select: { status: true } },
    },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) return { outcome: 'invalid' };
  await prisma.loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
  if (!user.active || user.organization?.status === 'DISABLED') return { outcome: 'disabled' };
  const sessionId = await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    return openSession(tx, user.id, { ip, userAgent: context.userAgent }, now);
  });
  return {
    outcome: 'ok',
    user: { id: user.id, email: user.email, name: user.name, role: user.role, organizationId: user.organizationId },
    sessionId,
  };
}

/**
 * Takes one password check's place in the counts, or refuses it. Under a transaction lock per email and per
 * address (always taken in that order), it counts the failures in the window and writes this attempt as a
 * failure before any hash is compared; the caller turns it into a success if the password matches. So forty
 * attempts at once for one email give at most LOGIN_MAX_FAILURES password checks, never forty.
 */
async function reserveAttempt(email: string, ip: string | null, now: Date): Promise<bigint> {
  return prisma.$transaction(
    async (tx) => {
      await advisoryLock(tx, `login:email:${email}`);
      if (ip) await advisoryLock(tx, `login:ip:${ip}`);
      const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MS);
      const lastSuccess = await tx.loginAttempt.findFirst({
        where: { email, succeeded: true, createdAt: { gte: windowStart } },
        orderBy: { createdAt: 'desc' },
        select: { createdAt: true },
      });
      const since = lastSuccess && lastSuccess.createdAt > windowStart ? lastSuccess.createdAt : windowStart;
      await assertUnderLimit(tx, { email, succeeded: false, createdAt: { gt: since, lte: now } }, LOGIN_MAX_FAILURES, now);
      if (ip) await assertUnderLimit(tx, { ip, succeeded: false, createdAt: { gt: windowStart, lte: now } }, LOGIN_IP_MAX_FAILURES, now);
      const row = await tx.loginAttempt.create({ data: { email, ip, succeeded: false, createdAt: now }, select: { id: true } });
      return row.id;
      // Attempts at once for one email or address queue on the lock: give them room to wait their turn.
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
}

async function assertUnderLimit(
  tx: Tx,
  where: NonNullable<Parameters<Tx['loginAttempt']['findMany']>[0]>['where'],
  limit: number,
  now: Date,
) {
  const failures = await tx.loginAttempt.findMany({ where, orderBy: { createdAt: 'desc' }, take: limit, select: { createdAt: true } });
  if (failures.length < limit) return;
  // Locked until the oldest of the last `limit` failures leaves the window.
  const unlockAt = failures[failures.length - 1].createdAt.getTime() + LOGIN_WINDOW_MS;
  const minutes = Math.max(1, Math.ceil((unlockAt - now.getTime()) / 60_000));
  throw new RateLimitedError({ minutes });
}

/** A lock held until the transaction ends, keyed by any text (64-bit hash). */
async function advisoryLock(tx: Tx, key: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}
