// Test data built through the real database. Every name is unique per call, so tests never collide.
import { randomUUID } from 'node:crypto';
import { prisma } from '@/lib/server/db';
import { hashPassword } from '@/lib/server/password';
import { verifyCredentials } from '@/lib/server/credentials';
import { loadActor, type Actor } from '@/lib/server/actor';
import type { Role } from '@/lib/domain/roles';

export const TEST_PASSWORD = 'Kiemthu@2026';
let passwordHash: Promise<string> | undefined;
const uid = () => randomUUID().slice(0, 8);
let taxSeq = Math.floor(Math.random() * 1e6);

export async function makeOrganization(status: 'PENDING' | 'ACTIVE' | 'DISABLED' = 'ACTIVE') {
  taxSeq += 1;
  return prisma.organization.create({
    data: {
      name: `Tổ chức kiểm thử ${uid()}`,
      kind: 'UNIVERSITY',
      taxCode: String(5_000_000_000 + taxSeq),
      address: '1 Đường Thử, tỉnh An Phú',
      status,
    },
    select: { id: true, name: true, status: true },
  });
}

export async function makeUser(role: Role, opts: { organizationId?: string; active?: boolean; evaluatorOrganizationId?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = `${role.toLowerCase()}-${uid()}@test.vn`;
  return prisma.user.create({
    data: {
      email,
      name: `Người dùng ${uid()}`,
      role,
      passwordHash: await passwordHash,
      active: opts.active ?? true,
      organizationId: role === 'ORGANIZATION' ? opts.organizationId : undefined,
      evaluatorProfile:
        role === 'EVALUATOR'
          ? {
              create: {
                field: 'ENGINEERING',
                expertise: 'Tự động hóa',
                affiliation: 'Viện Thử nghiệm',
                organizationId: opts.evaluatorOrganizationId,
              },
            }
          : undefined,
    },
    select: { id: true, email: true, role: true, organizationId: true },
  });
}

/** Logs in with the real credentials check (bcrypt against the database) and returns the acting user. */
export async function login(email: string, password = TEST_PASSWORD): Promise<Actor> {
  const result = await verifyCredentials(email, password);
  if (result.outcome !== 'ok') throw new Error(`login of ${email} failed: ${result.outcome}`);
  const actor = await loadActor(result.user.id, result.sessionId);
  if (!actor) throw new Error(`${email} is not an active user`);
  return actor;
}

/** A user of the given role, logged in. */
export async function actorWith(role: Role, opts: { organizationId?: string } = {}) {
  let organizationId = opts.organizationId;
  if (role === 'ORGANIZATION' && !organizationId) organizationId = (await makeOrganization()).id;
  const user = await makeUser(role, { organizationId });
  return login(user.email);
}
