import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { listOrganizations, setOrganizationStatus, signUpOrganization } from '@/lib/organizations/service';
import { createUser, listUsers, resetUserPassword, setUserActive } from '@/lib/users/service';
import { verifyCredentials } from '@/lib/server/credentials';
import { actorWith, login, makeOrganization, makeUser } from '../support/fixtures';

let seq = 0;
const signUpInput = () => {
  seq += 1;
  const n = String(Date.now()).slice(-6) + String(seq).padStart(2, '0');
  return {
    organizationName: `Công ty Kiểm Thử ${n}`,
    kind: 'ENTERPRISE',
    taxCode: `09${n}`,
    address: '5 Hùng Vương, tỉnh An Phú',
    contactName: 'Trần Thị Dung',
    email: `dung.${n}@test.vn`,
    password: 'Matkhau123',
    confirmPassword: 'Matkhau123',
  };
};

async function captured(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}

describe('organization sign-up', () => {
  it('creates a PENDING organization and its first user, who can log in and is told to wait', async () => {
    const input = signUpInput();
    const { organizationId, userId } = await signUpOrganization(input);
    const org = await prisma.organization.findUniqueOrThrow({ where: { id: organizationId } });
    expect(org).toMatchObject({ status: 'PENDING', taxCode: input.taxCode, kind: 'ENTERPRISE' });
    const actor = await login(input.email, input.password);
    expect(actor).toMatchObject({ id: userId, role: 'ORGANIZATION', organizationId, organizationStatus: 'PENDING' });
  });

  it('refuses a duplicate email and a duplicate tax code on their fields, storing nothing', async () => {
    const first = signUpInput();
    await signUpOrganization(first);
    const before = await prisma.organization.count();
    const dupEmail = { ...signUpInput(), email: first.email.toUpperCase() };
    const e1 = (await captured(signUpOrganization(dupEmail))) as ValidationError;
    expect(e1).toBeInstanceOf(ValidationError);
    expect(e1.fieldErrors).toEqual({ email: ['validation.emailTaken'] });
    const dupTax = { ...signUpInput(), taxCode: first.taxCode };
    const e2 = (await captured(signUpOrganization(dupTax))) as ValidationError;
    expect(e2.fieldErrors).toEqual({ taxCode: ['validation.taxCodeTaken'] });
    expect(await prisma.organization.count()).toBe(before);
  });

  it('refuses invalid data sent straight to the server and stores nothing', async () => {
    const beforeOrgs = await prisma.organization.count();
    const beforeUsers = await prisma.user.count();
    const bad = {
      organizationName: '',
      kind: 'BANK',
      taxCode: 'abc',
      address: '',
      contactName: 'X',
      email: 'nope',
      password: '123',
      confirmPassword: '321',
      role: 'DEPARTMENT_ADMIN',
    };
    const e = (await captured(signUpOrganization(bad))) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(Object.keys(e.fieldErrors).sort()).toEqual([
      'address',
      'contactName',
      'email',
      'kind',
      'organizationName',
      'password',
      'taxCode',
    ]);
    expect(await captured(signUpOrganization(null))).toBeInstanceOf(ValidationError);
    expect(await prisma.organization.count()).toBe(beforeOrgs);
    expect(await prisma.user.count()).toBe(beforeUsers);
  });

  it('never lets a sign-up choose its role or status', async () => {
    const input = { ...signUpInput(), role: 'DEPARTMENT_ADMIN', status: 'ACTIVE' };
    const { organizationId, userId } = await signUpOrganization(input);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).role).toBe('ORGANIZATION');
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: organizationId } })).status).toBe('PENDING');
  });
});

describe('organization verification', () => {
  it('lets department staff activate and disable, and nobody else', async () => {
    const org = await makeOrganization('PENDING');
    const staff = await actorWith('DEPARTMENT_STAFF');
    for (const role of ['ORGANIZATION', 'EVALUATOR'] as const) {
      const outsider = await actorWith(role);
      await expect(setOrganizationStatus(outsider, { organizationId: org.id, status: 'ACTIVE' })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listOrganizations(outsider, {})).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).status).toBe('PENDING');
    await setOrganizationStatus(staff, { organizationId: org.id, status: 'ACTIVE' });
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).status).toBe('ACTIVE');
    const member = await makeUser('ORGANIZATION', { organizationId: org.id });
    await setOrganizationStatus(staff, { organizationId: org.id, status: 'DISABLED' });
    expect((await verifyCredentials(member.email, 'Kiemthu@2026')).outcome).toBe('disabled');
    await expect(setOrganizationStatus(staff, { organizationId: 'missing', status: 'ACTIVE' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setOrganizationStatus(staff, { organizationId: org.id, status: 'PENDING' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('lists organizations filtered by status, paginated on the server', async () => {
    const staff = await actorWith('DEPARTMENT_STAFF');
    await makeOrganization('PENDING');
    const page = await listOrganizations(staff, { status: 'PENDING', page: '1' });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.status === 'PENDING')).toBe(true);
    expect(page.rows.length).toBeLessThanOrEqual(page.pageSize);
    const bogus = await listOrganizations(staff, { status: 'NONSENSE', page: '-4' });
    expect(bogus.page).toBe(1);
  });
});

describe('user administration', () => {
  it('is for department admins only', async () => {
    const target = await makeUser('DEPARTMENT_STAFF');
    for (const role of ['DEPARTMENT_STAFF', 'ORGANIZATION', 'EVALUATOR'] as const) {
      const actor = await actorWith(role);
      await expect(listUsers(actor, {})).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        createUser(actor, { name: 'Ai Đó', email: `x-${role}@test.vn`, role: 'DEPARTMENT_ADMIN', password: 'Matkhau123' }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setUserActive(actor, { userId: target.id, active: false })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        resetUserPassword(actor, { userId: target.id, password: 'Moi@12345', confirmPassword: 'Moi@12345' }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).active).toBe(true);
  });

  it('creates an evaluator with a profile, who can then log in', async () => {
    const admin = await actorWith('DEPARTMENT_ADMIN');
    const email = `chuyengia-${Date.now()}@test.vn`;
    const { userId } = await createUser(admin, {
      name: 'TS. Hà Văn Sơn',
      email,
      role: 'EVALUATOR',
      password: 'Matkhau123',
      field: 'MEDICAL',
      expertise: 'Dịch tễ',
      affiliation: 'Viện Y học',
    });
    const profile = await prisma.evaluatorProfile.findUniqueOrThrow({ where: { userId } });
    expect(profile).toMatchObject({ field: 'MEDICAL', affiliation: 'Viện Y học' });
    expect((await login(email, 'Matkhau123')).role).toBe('EVALUATOR');
    const dup = (await captured(
      createUser(admin, { name: 'Trùng', email, role: 'DEPARTMENT_STAFF', password: 'Matkhau123' }),
    )) as ValidationError;
    expect(dup.fieldErrors).toEqual({ email: ['validation.emailTaken'] });
  });

  it('refuses an organization user without an organization, storing nothing', async () => {
    const admin = await actorWith('DEPARTMENT_ADMIN');
    const before = await prisma.user.count();
    const e = (await captured(
      createUser(admin, { name: 'Không Tổ Chức', email: `none-${Date.now()}@test.vn`, role: 'ORGANIZATION', password: 'Matkhau123' }),
    )) as ValidationError;
    expect(e.fieldErrors.organizationId).toEqual(['validation.required']);
    expect(await prisma.user.count()).toBe(before);
  });

  it('deactivates a user (who can no longer log in), but not oneself', async () => {
    const admin = await actorWith('DEPARTMENT_ADMIN');
    const target = await makeUser('EVALUATOR');
    await setUserActive(admin, { userId: target.id, active: false });
    expect((await verifyCredentials(target.email, 'Kiemthu@2026')).outcome).toBe('disabled');
    await expect(setUserActive(admin, { userId: admin.id, active: false })).rejects.toMatchObject({ messageKey: 'cannotDeactivateSelf' });
  });

  it('resets a password: the old one stops working, the new one works', async () => {
    const admin = await actorWith('DEPARTMENT_ADMIN');
    const target = await makeUser('DEPARTMENT_STAFF');
    await resetUserPassword(admin, { userId: target.id, password: 'Moi@123456', confirmPassword: 'Moi@123456' });
    expect((await verifyCredentials(target.email, 'Kiemthu@2026')).outcome).toBe('invalid');
    expect((await verifyCredentials(target.email, 'Moi@123456')).outcome).toBe('ok');
    const weak = (await captured(
      resetUserPassword(admin, { userId: target.id, password: 'abc', confirmPassword: 'abc' }),
    )) as ValidationError;
    expect(weak.fieldErrors.password).toBeDefined();
  });
});

describe('sessions after a password reset', () => {
  it('ends the sessions signed before the reset, and keeps those signed after', async () => {
    const { loadActor } = await import('@/lib/server/actor');
    const admin = await actorWith('DEPARTMENT_ADMIN');
    const target = await makeUser('DEPARTMENT_STAFF');
    const before = await verifyCredentials(target.email, 'Kiemthu@2026');
    if (before.outcome !== 'ok') throw new Error('login failed');
    expect(await loadActor(target.id, before.sessionId)).not.toBeNull();
    await resetUserPassword(admin, { userId: target.id, password: 'Moi@654321', confirmPassword: 'Moi@654321' });
    expect(await loadActor(target.id, before.sessionId)).toBeNull();
    const after = await verifyCredentials(target.email, 'Moi@654321');
    if (after.outcome !== 'ok') throw new Error('login failed');
    expect(after.sessionId).not.toBe(before.sessionId);
    expect(await loadActor(target.id, after.sessionId)).not.toBeNull();
  });
});
