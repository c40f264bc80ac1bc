import 'server-only';
import { prisma } from '@/lib/server/db';
import type { Role } from '@/lib/domain/roles';

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
 * Loads an active user as an Actor; null when the user is missing, inactive, their organization disabled, or
 * (given the session's version) their password was reset after the session was signed.
 */
export async function loadActor(userId: string, sessionVersion?: number): Promise<Actor | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, name: true, email: true, active: true, sessionVersion: true, organizationId: true, organization: { select: { status: true } } },
  });
  if (!user || !user.active) return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  const organizationStatus = user.organization?.status ?? null;
  if (organizationStatus === 'DISABLED') return null;
  return { id: user.id, role: user.role, name: user.name, email: user.email, organizationId: user.organizationId, organizationStatus };
}
