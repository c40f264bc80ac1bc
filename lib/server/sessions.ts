import 'server-only';
import { randomBytes } from 'node:crypto';
import { prisma, type Tx } from '@/lib/server/db';

// Server-side sessions. The session cookie (a JWT signed by next-auth) names a Session row; the row decides
// whether the session still holds. Logout revokes that row, a password reset or a deactivation revokes every
// row of the user, and a session idle for SESSION_IDLE_MS expires, so a copied cookie stops working at once.

type Db = Tx | typeof prisma;

/** A session not used for this long expires (the working day of the JWT cookie it rides in). */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** Use moves the expiry forward at most this often, so an active session costs one write per ten minutes. */
const TOUCH_EVERY_MS = 10 * 60 * 1000;

export type SessionMeta = { ip?: string | null; userAgent?: string | null };

/** Opens a session for a user who has just proved their password; returns its id (the cookie's `sid`). */
export async function openSession(db: Db, userId: string, meta: SessionMeta = {}, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString('base64url');
  await db.session.create({
    data: {
      id,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    },
  });
  return id;
}

/** Logout: this one session ends. */
export async function revokeSession(sessionId: string, now = new Date()): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** Password reset, deactivation: every session of the user ends. */
export async function revokeUserSessions(db: Db, userId: string, now = new Date()): Promise<number> {
  const { count } = await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

/** Whether a session row still holds at `now` (not revoked, not expired), given what was read of it. */
export function sessionHolds(s: { revokedAt: Date | null; expiresAt: Date }, now: Date): boolean {
  return s.revokedAt === null && s.expiresAt > now;
}

/** Moves an active session's expiry forward (at most once every TOUCH_EVERY_MS). */
export async function touchSession(s: { id: string; lastSeenAt: Date }, now = new Date()): Promise<void> {
  if (now.getTime() - s.lastSeenAt.getTime() < TOUCH_EVERY_MS) return;
  await prisma.session.updateMany({
    where: { id: s.id, revokedAt: null },
    data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_IDLE_MS) },
  });
}
