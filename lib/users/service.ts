import 'server-only';
import { prisma } from '@/lib/server/db';
import { foldedSearch } from '@/lib/server/search';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { parseInput } from '@/lib/server/validation';
import { can } from '@/lib/domain/permissions';
import { inBatches } from '@/lib/domain/batches';
import { hashPassword } from '@/lib/server/password';
import type { Actor } from '@/lib/server/actor';
import { revokeUserSessions } from '@/lib/server/sessions';
import { recordAudit } from '@/lib/audit/record';
import { notify } from '@/lib/notifications/service';
import { listActiveOrganizationOptions } from '@/lib/organizations/service';
import { ZCreateUser, ZProfile, ZResetPassword, ZSetUserActive, ZUserFilter } from './schemas';
import { DEFAULT_LOCALE, isLocale } from '@/lib/domain/format';
import { optionalMailCategories } from '@/lib/domain/mail';

export const USERS_PAGE_SIZE = 25;

function assertAdmin(actor: Actor) {
  if (!can(actor.role, 'users.manage')) throw new ForbiddenError();
}

/** The list's filters: a role, and a search by name or email ignoring case and diacritics. */
async function userQuery(actor: Actor, rawFilter: unknown) {
  assertAdmin(actor);
  const filter = ZUserFilter.parse(rawFilter ?? {});
  const where = { ...(filter.role ? { role: filter.role } : {}), ...(await foldedSearch('User', filter.q)) };
  return { filter, where };
}

const userRowSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  lastLoginAt: true,
  organization: { select: { name: true } },
  evaluatorProfile: { select: { field: true, affiliation: true } },
} as const;
const userOrder = [{ role: 'asc' as const }, { name: 'asc' as const }, { id: 'asc' as const }];

/** Every user of the list as filtered (all pages, its order), for an export: never a password hash. */
export async function exportUserRows(actor: Actor, rawFilter: unknown) {
  const { where } = await userQuery(actor, rawFilter);
  return inBatches((skip, take) => prisma.user.findMany({ where, orderBy: userOrder, skip, take, select: userRowSelect }));
}

export async function listUsers(actor: Actor, rawFilter: unknown) {
  const { filter, where } = await userQuery(actor, rawFilter);
  const [total, rows] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      orderBy: userOrder,
      skip: (filter.page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: userRowSelect,
    }),
  ]);
  return { total, page: filter.page, pageSize: USERS_PAGE_SIZE, rows };
}

/** What the form creating a user offers: the active organizations (an organization's or an evaluator's). */
export async function newUserOptions(actor: Actor) {
  assertAdmin(actor);
  return { organizations: await listActiveOrganizationOptions(actor) };
}

/** Department admins create staff, admins, evaluators (with their profile) and users of an organization. */
export async function createUser(actor: Actor, raw: unknown) {
  assertAdmin(actor);
  const input = parseInput(ZCreateUser, raw);
  if (await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new ValidationError('invalidInput', { email: ['validation.emailTaken'] });
  }
  const organizationId = input.role === 'ORGANIZATION' || input.role === 'EVALUATOR' ? input.organizationId : undefined;
  if (organizationId && !(await prisma.organization.findUnique({ where: { id: organizationId }, select: { id: true } }))) {
    throw new ValidationError('invalidInput', { organizationId: ['validation.choose'] });
  }
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        name: input.name,
        email: input.email,
        role: input.role,
        phone: input.phone,
        passwordHash,
        organizationId: input.role === 'ORGANIZATION' ? organizationId : undefined,
        evaluatorProfile:
          input.role === 'EVALUATOR'
            ? {
                create: {
                  field: input.field!,
                  expertise: input.expertise!,
                  affiliation: input.affiliation!,
                  academicDegree: input.academicDegree,
                  organizationId,
                },
              }
            : undefined,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: 'user.create',
      entityType: 'User',
      entityId: user.id,
      after: { email: input.email, name: input.name, role: input.role, organizationId: organizationId ?? null },
    });
    // A welcome (also mailed) naming the sign-in address: never the password, which the admin gives out of band.
    await notify(tx, [user.id], 'accountCreated', null, { email: input.email });
    return { userId: user.id };
  });
}

export async function setUserActive(actor: Actor, raw: unknown) {
  assertAdmin(actor);
  const input = parseInput(ZSetUserActive, raw);
  if (input.userId === actor.id && !input.active) throw new ValidationError('cannotDeactivateSelf');
  return prisma.$transaction(async (tx) => {
    // The row's lock orders two admins acting at once, so the audit row's "before" is what this change replaced.
    const [user] = await tx.$queryRaw<{ active: boolean }[]>`SELECT "active" FROM "User" WHERE "id" = ${input.userId} FOR UPDATE`;
    if (!user) throw new NotFoundError();
    await tx.user.update({ where: { id: input.userId }, data: { active: input.active } });
    if (!input.active) await revokeUserSessions(tx, input.userId);
    await recordAudit(tx, actor, {
      action: 'user.setActive',
      entityType: 'User',
      entityId: input.userId,
      before: { active: user.active },
      after: { active: input.active },
    });
    return { userId: input.userId, active: input.active };
  });
}

/** An admin sets a new password for a user (told to them out of band); the lockout counter is cleared. */
export async function resetUserPassword(actor: Actor, raw: unknown) {
  assertAdmin(actor);
  const input = parseInput(ZResetPassword, raw);
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true } });
    if (!user) throw new NotFoundError();
    // Every session opened with the old password ends at its next request.
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash } });
    await revokeUserSessions(tx, input.userId);
    await tx.loginAttempt.deleteMany({ where: { email: user.email, succeeded: false } });
    // Who reset whose password, and when: never the password or its hash.
    await recordAudit(tx, actor, { action: 'user.resetPassword', entityType: 'User', entityId: input.userId });
    // The owner is told (also by mail, whatever their profile says): a reset they did not ask for is a warning.
    await notify(tx, [input.userId], 'passwordReset', null, {});
    return { userId: input.userId };
  });
}

/** The actor's own profile: their mails' language and the mail categories they may turn off, with their choice. */
export async function getProfile(actor: Actor) {
  const user = await prisma.user.findUnique({
    where: { id: actor.id },
    select: { email: true, name: true, locale: true, mailOptOut: true },
  });
  if (!user) throw new NotFoundError();
  const offered = optionalMailCategories(actor.role);
  return {
    name: user.name,
    email: user.email,
    locale: isLocale(user.locale) ? user.locale : DEFAULT_LOCALE,
    offered,
    receiving: offered.filter((c) => !user.mailOptOut.includes(c)),
  };
}

/** Saves the actor's own profile: a category offered to their role and left unchecked is not mailed to them. */
export async function updateProfile(actor: Actor, raw: unknown) {
  const input = parseInput(ZProfile, raw);
  const mailOptOut = optionalMailCategories(actor.role).filter((c) => !input.mailCategories.includes(c));
  await prisma.user.update({ where: { id: actor.id }, data: { locale: input.locale, mailOptOut } });
  return { locale: input.locale, mailOptOut };
}
