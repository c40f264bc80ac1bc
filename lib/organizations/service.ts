import 'server-only';
import { prisma } from '@/lib/server/db';
import { foldedSearch } from '@/lib/server/search';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { parseInput } from '@/lib/server/validation';
import { can } from '@/lib/domain/permissions';
import { inBatches } from '@/lib/domain/batches';
import { hashPassword } from '@/lib/server/password';
import type { Actor } from '@/lib/server/actor';
import { recordAudit } from '@/lib/audit/record';
import { notify, organizationRecipients } from '@/lib/notifications/service';
import { ZOrganizationFilter, ZSetOrganizationStatus, ZSignUp } from './schemas';

export const ORGANIZATIONS_PAGE_SIZE = 20;

/** Public sign-up: the organization (PENDING until the department verifies it) and its first user, together. */
export async function signUpOrganization(raw: unknown) {
  const input = parseInput(ZSignUp, raw);
  const [emailTaken, taxTaken] = await Promise.all([
    prisma.user.findUnique({ where: { email: input.email }, select: { id: true } }),
    prisma.organization.findUnique({ where: { taxCode: input.taxCode }, select: { id: true } }),
  ]);
  const fieldErrors: Record<string, string[]> = {};
  if (emailTaken) fieldErrors.email = ['validation.emailTaken'];
  if (taxTaken) fieldErrors.taxCode = ['validation.taxCodeTaken'];
  if (Object.keys(fieldErrors).length) throw new ValidationError('invalidInput', fieldErrors);

  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const organization = await tx.organization.create({
        data: {
          name: input.organizationName,
          kind: input.kind,
          taxCode: input.taxCode,
          address: input.address,
          phone: input.phone,
          email: input.email,
        },
        select: { id: true },
      });
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.contactName,
          phone: input.phone,
          passwordHash,
          role: 'ORGANIZATION',
          organizationId: organization.id,
        },
        select: { id: true },
      });
      // Nobody is signed in yet: the actor is the user this sign-up creates.
      await recordAudit(tx, user, {
        action: 'organization.signUp',
        entityType: 'Organization',
        entityId: organization.id,
        after: { name: input.organizationName, kind: input.kind, taxCode: input.taxCode, userId: user.id, email: input.email },
      });
      return { organizationId: organization.id, userId: user.id };
    });
  } catch (e) {
    // Two sign-ups racing for the same email or tax code: the unique index decides.
    if ((e as { code?: string }).code === 'P2002') {
      const target = String((e as { meta?: { target?: unknown } }).meta?.target ?? '');
      throw new ValidationError(
        'invalidInput',
        target.includes('tax') ? { taxCode: ['validation.taxCodeTaken'] } : { email: ['validation.emailTaken'] },
      );
    }
    throw e;
  }
}

/** The list's filters: a status, and a search by name or tax code ignoring case and diacritics. */
async function organizationQuery(actor: Actor, rawFilter: unknown) {
  if (!can(actor.role, 'organizations.review')) throw new ForbiddenError();
  const filter = ZOrganizationFilter.parse(rawFilter ?? {});
  const where = { ...(filter.status ? { status: filter.status } : {}), ...(await foldedSearch('Organization', filter.q)) };
  return { filter, where };
}

const organizationRowSelect = {
  id: true,
  name: true,
  kind: true,
  taxCode: true,
  address: true,
  status: true,
  createdAt: true,
  _count: { select: { users: true, hostedTasks: true } },
} as const;

/** Every organization of the list as filtered (all pages, its order), for an export. */
export async function exportOrganizationRows(actor: Actor, rawFilter: unknown) {
  const { where } = await organizationQuery(actor, rawFilter);
  return inBatches((skip, take) =>
    prisma.organization.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip,
      take,
      select: { ...organizationRowSelect, email: true, phone: true },
    }),
  );
}

export async function listOrganizations(actor: Actor, rawFilter: unknown) {
  const { filter, where } = await organizationQuery(actor, rawFilter);
  const [total, rows] = await Promise.all([
    prisma.organization.count({ where }),
    prisma.organization.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (filter.page - 1) * ORGANIZATIONS_PAGE_SIZE,
      take: ORGANIZATIONS_PAGE_SIZE,
      select: organizationRowSelect,
    }),
  ]);
  return { total, page: filter.page, pageSize: ORGANIZATIONS_PAGE_SIZE, rows };
}

/** Department staff verify (ACTIVE) or disable (DISABLED) an organization. */
export async function setOrganizationStatus(actor: Actor, raw: unknown) {
  if (!can(actor.role, 'organizations.review')) throw new ForbiddenError();
  const input = parseInput(ZSetOrganizationStatus, raw);
  return prisma.$transaction(async (tx) => {
    // The row's lock orders two staff acting at once, so the audit row's "before" is what this change replaced.
    const [organization] = await tx.$queryRaw<
      { status: string; name: string }[]
    >`SELECT "status"::text AS "status", "name" FROM "Organization" WHERE "id" = ${input.organizationId} FOR UPDATE`;
    if (!organization) throw new NotFoundError();
    await tx.organization.update({ where: { id: input.organizationId }, data: { status: input.status } });
    await recordAudit(tx, actor, {
      action: 'organization.setStatus',
      entityType: 'Organization',
      entityId: input.organizationId,
      before: { status: organization.status },
      after: { status: input.status },
    });
    // A newly verified organization's users are told (and mailed) that they may now submit.
    if (input.status === 'ACTIVE' && organization.status === 'PENDING')
      await notify(tx, await organizationRecipients(tx, input.organizationId), 'organizationVerified', null, { name: organization.name });
    return { organizationId: input.organizationId, status: input.status };
  });
}

/** Active organizations, for pickers (users form, partner organizations). */
export async function listActiveOrganizationOptions(actor: Actor) {
  if (!can(actor.role, 'organizations.list')) throw new ForbiddenError();
  return prisma.organization.findMany({ where: { status: 'ACTIVE' }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
}

/** The actor's own organization (organization users only). */
export async function getOwnOrganization(actor: Actor) {
  if (!can(actor.role, 'tasks.propose') || !actor.organizationId) throw new ForbiddenError();
  const org = await prisma.organization.findUnique({
    where: { id: actor.organizationId },
    select: { id: true, name: true, status: true, kind: true, taxCode: true, address: true },
  });
  if (!org) throw new NotFoundError();
  return org;
}
