import 'server-only';
import { prisma } from '@/lib/server/db';
import type { Role } from '@/lib/domain/roles';
import { sessionHolds, touchSession } from './sessions';

/** Who is acting: every service takes this first and scopes its queries by it. */
export type Actor = {
  id: string;
  role: Role;
  name: string;
  email: string;
  organizationId: string | null;
  organizationStatus: 'PENDING' | 'ACTIVE' | 'DISABLED' | null;
};

/**
 * The actor behind a session, in one query: null when the session is unknown, revoked (logout, password reset,
 * deactivation) or expired, belongs to another user, or the user is inactive or their organization disabled.
 */
export async function loadActor(userId: string, sessionId: string, now = new Date()): Promise<Actor | null> {
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      userId: true,
      revokedAt: true,
      expiresAt: true,
      lastSeenAt: true,
      user: {
        select: {
          id: true,
          role: true,
          name: true,
          email: true,
          active: true,
          organizationId: true,
          organization: { select: { status: true } },
        },
      },
    },
  });
  if (!session || session.userId !== userId || !sessionHolds(session, now)) return null;
  const { user } = session;
  if (!user.active) return null;
  const organizationStatus = user.organization?.status ?? null;
  if (organizationStatus === 'DISABLED') return null;
  await touchSession(session, now);
  return { id: user.id, role: user.role, name: user.name, email: user.email, organizationId: user.organizationId, organizationStatus };
}
