// Search that ignores case and diacritics: the department queue (code, title, principal investigator, host
// organization) and the staff's header search (tasks, organizations, people; department roles only), against the
// real PostgreSQL with the unaccent + pg_trgm migration applied.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { ForbiddenError } from '@/lib/server/errors';
import { listQueue } from '@/lib/tasks/service';
import { searchEverything } from '@/lib/search/service';
import { listOrganizations } from '@/lib/organizations/service';
import { listUsers } from '@/lib/users/service';
import { listPrograms } from '@/lib/programs/service';
import type { Actor } from '@/lib/server/actor';
import { actorWith, makeUser } from '../support/fixtures';

const tag = randomUUID().slice(0, 8);
let staff: Actor;
let org: { id: string; name: string };
let ids: Record<'farm' | 'iot' | 'draft' | 'other', string>;
let code: string;

const queueIds = async (q: string, extra: Record<string, string> = {}) =>
  (await listQueue(staff, { q, organizationId: org.id, ...extra })).rows.map((r) => r.id);

beforeAll(async () => {
  staff = await actorWith('DEPARTMENT_STAFF');
  org = await prisma.organization.create({
    data: {
      name: `Trung tâm Ứng dụng tiến bộ KH&CN Điện Biên ${tag}`,
      kind: 'INSTITUTE',
      taxCode: String(Date.now()).slice(-10),
      address: 'An Phú',
      status: 'ACTIVE',
    },
    select: { id: true, name: true },
  });
  const other = await prisma.organization.create({
    data: {
      name: `Viện Kiểm thử ${tag}`,
      kind: 'INSTITUTE',
      taxCode: String(Date.now() + 1).slice(-10),
      address: 'An Phú',
      status: 'ACTIVE',
    },
  });
  const owner = await makeUser('ORGANIZATION', { organizationId: org.id });
  code = `KHCN-2031-${tag}`;
  const task = (data: Record<string, unknown>) =>
    prisma.task
      .create({ data: { year: 2031, hostOrganizationId: org.id, createdById: owner.id, title: '', ...data }, select: { id: true } })
      .then((t) => t.id);
  ids = {
    farm: await task({ title: 'Nghiên cứu nông nghiệp Đồng Tháp', status: 'PROPOSED', code, piName: 'TS. Nguyễn Thị Hương Giang' }),
    iot: await task({ title: 'Ứng dụng IoT giám sát môi trường nước', status: 'RUNNING', piName: 'ThS. Trần Văn Đức' }),
    draft: await task({ title: 'Nghiên cứu nông nghiệp Đồng Tháp (bản nháp)', status: 'DRAFT', piName: 'Trần Văn Đức' }),
    other: await task({ title: `Nghiên cứu nông nghiệp Đồng Tháp ở nơi khác ${tag}`, status: 'PROPOSED', hostOrganizationId: other.id }),
  };
});

describe('the department queue ignores case and diacritics', () => {
  it('finds "Nghiên cứu nông nghiệp Đồng Tháp" by "nong nghiep", "dong thap", "ĐỒNG", in any case, never the draft', async () => {
    for (const q of ['nong nghiep', 'dong thap', 'ĐỒNG', 'NÔNG NGHIỆP', 'Nong   Nghiep', 'nghiên cứu nông', 'ong th']) {
      expect(await queueIds(q), q).toEqual([ids.farm]);
    }
  });

  it('finds a task by its principal investigator ("tran van duc", "Đức") and by its code in lower case', async () => {
    expect(await queueIds('tran van duc')).toEqual([ids.iot]);
    expect(await queueIds('đức')).toEqual([ids.iot]);
    expect(await queueIds('huong giang')).toEqual([ids.farm]);
    expect(await queueIds(code.toLowerCase())).toEqual([ids.farm]);
  });

  it("finds every task of a host organization by the organization's name without diacritics", async () => {
    const found = await listQueue(staff, { q: `dien bien ${tag}` });
    expect(found.total).toBe(2);
    expect(found.rows.map((r) => r.id).sort()).toEqual([ids.farm, ids.iot].sort());
    expect(found.rows.find((r) => r.id === ids.farm)?.hostOrganization.name).toBe(org.name);
  });

  it('keeps the filters, the sort and the paging around the search', async () => {
    expect(await queueIds(`dien bien ${tag}`, { status: 'RUNNING' })).toEqual([ids.iot]);
    expect(await queueIds(`dien bien ${tag}`, { field: 'MEDICAL' })).toEqual([]);
    // by code ascending, a task without a code last (PostgreSQL puts nulls last going up, first going down)
    expect(await queueIds(`dien bien ${tag}`, { sort: 'code', dir: 'asc' })).toEqual([ids.farm, ids.iot]);
    expect(await queueIds(`dien bien ${tag}`, { sort: 'code', dir: 'desc' })).toEqual([ids.iot, ids.farm]);
    const second = await listQueue(staff, { q: `dien bien ${tag}`, page: '2' });
    expect(second).toMatchObject({ total: 2, page: 2, rows: [] });
    // the other organization's task with the same title, found without the organization filter
    const all = (await listQueue(staff, { q: 'nong nghiep dong thap' })).rows.map((r) => r.id);
    expect(all).toEqual(expect.arrayContaining([ids.farm, ids.other]));
    expect(all).not.toContain(ids.draft);
  });

  it("follows the host organization's name when the organization is renamed", async () => {
    const renamed = await prisma.organization.create({
      data: {
        name: `Công ty Sông Đà ${tag}`,
        kind: 'ENTERPRISE',
        taxCode: String(Date.now() + 7).slice(-10),
        address: 'An Phú',
        status: 'ACTIVE',
      },
    });
    const owner = await makeUser('ORGANIZATION', { organizationId: renamed.id });
    const task = await prisma.task.create({
      data: { year: 2031, hostOrganizationId: renamed.id, createdById: owner.id, title: 'Chế tạo máy sấy', status: 'PROPOSED' },
    });
    expect((await listQueue(staff, { q: `song da ${tag}` })).rows.map((r) => r.id)).toEqual([task.id]);
    await prisma.organization.update({ where: { id: renamed.id }, data: { name: `Công ty Cổ phần Hồng Hà ${tag}` } });
    expect((await listQueue(staff, { q: `song da ${tag}` })).rows).toEqual([]);
    expect((await listQueue(staff, { q: `hong ha ${tag}` })).rows.map((r) => r.id)).toEqual([task.id]);
    // a change of the task's own fields keeps the organization's name in its search text
    await prisma.task.update({ where: { id: task.id }, data: { title: 'Chế tạo máy sấy nông sản' } });
    expect((await listQueue(staff, { q: `hong ha ${tag}` })).rows.map((r) => r.id)).toEqual([task.id]);
    expect((await listQueue(staff, { q: `may say nong san` })).rows.map((r) => r.id)).toContain(task.id);
  });

  it('takes LIKE wildcards literally and finds nothing for words that are not there', async () => {
    expect(await queueIds('%')).toEqual([]);
    expect(await queueIds('_')).toEqual([]);
    expect(await queueIds('nong_nghiep')).toEqual([]);
    expect(await queueIds('lua chiu man')).toEqual([]);
  });
});

describe('the lists of organizations, people and programs ignore case and diacritics too', () => {
  it('finds an organization, a person and a program by words typed without diacritics', async () => {
    const orgs = await listOrganizations(staff, { q: `UNG DUNG TIEN BO KH&CN DIEN BIEN ${tag}` });
    expect(orgs.rows.map((o) => o.id)).toEqual([org.id]);
    expect(orgs.total).toBe(1);
    const person = await makeUser('EVALUATOR');
    await prisma.user.update({ where: { id: person.id }, data: { name: `Phạm Thị Đào ${tag}` } });
    const admin = await actorWith('DEPARTMENT_ADMIN');
    expect((await listUsers(admin, { q: `pham thi dao ${tag}` })).rows.map((u) => u.id)).toEqual([person.id]);
    expect((await listUsers(admin, { q: `pham thi dao ${tag}`, role: 'ORGANIZATION' })).rows).toEqual([]);
    const program = await prisma.program.create({
      data: {
        code: `NTM-${tag}`,
        name: `Chương trình Nông thôn mới ${tag}`,
        startYear: 2031,
        endYear: 2035,
        goals: 'Mục tiêu',
        budget: 1_000_000_000n,
        createdById: person.id,
      },
    });
    expect((await listPrograms(staff, { q: `nong thon moi ${tag}` })).rows.map((p) => p.id)).toEqual([program.id]);
    expect((await listPrograms(staff, { q: `ntm-${tag}` })).rows.map((p) => p.id)).toEqual([program.id]);
    expect((await listOrganizations(staff, { q: 'không có tổ chức này' })).rows).toEqual([]);
  });
});

describe('the header search (department roles only)', () => {
  it('finds tasks, the organization and people by words without diacritics', async () => {
    const person = await makeUser('ORGANIZATION', { organizationId: org.id });
    await prisma.user.update({ where: { id: person.id }, data: { name: `Lê Thị Đào ${tag}` } });
    const found = await searchEverything(staff, { q: `điện biên ${tag}` });
    expect(found.tasks.map((t) => t.id).sort()).toEqual([ids.farm, ids.iot].sort());
    expect(found.organizations.map((o) => o.id)).toEqual([org.id]);
    expect(found.people).toEqual([]);
    const byName = await searchEverything(staff, { q: `le thi dao ${tag}` });
    expect(byName.people.map((p) => p.id)).toEqual([person.id]);
    expect(byName.people[0].organization?.name).toBe(org.name);
    expect((await searchEverything(staff, { q: person.email.toUpperCase() })).people.map((p) => p.id)).toEqual([person.id]);
    // a draft is never found, even by its principal investigator's name
    expect((await searchEverything(staff, { q: 'tran van duc' })).tasks.map((t) => t.id)).toEqual(expect.arrayContaining([ids.iot]));
    expect((await searchEverything(staff, { q: 'tran van duc' })).tasks.map((t) => t.id)).not.toContain(ids.draft);
    expect(await searchEverything(staff, { q: '   ' })).toMatchObject({ tasks: [], organizations: [], people: [], more: null });
  });

  it('caps each list and says when there are more', async () => {
    const found = await searchEverything(staff, { q: 'nong nghiep' });
    expect(found.tasks.length).toBeLessThanOrEqual(8);
    const people = Array.from({ length: 9 }, () => makeUser('EVALUATOR'));
    for (const [i, p] of (await Promise.all(people)).entries())
      await prisma.user.update({ where: { id: p.id }, data: { name: `Bùi Văn Cường ${tag} ${i}` } });
    const many = await searchEverything(staff, { q: `BUI VAN CUONG ${tag}` });
    expect(many.people.map((p) => p.name)).toEqual(Array.from({ length: 8 }, (_, i) => `Bùi Văn Cường ${tag} ${i}`));
    expect(many.more?.people).toBe(true);
    expect(many.more?.tasks).toBe(false);
  });

  it.each([
    ['DEPARTMENT_ADMIN', 'ok'],
    ['DEPARTMENT_STAFF', 'ok'],
    ['ORGANIZATION', '403'],
    ['EVALUATOR', '403'],
  ] as const)('%s: %s', async (role, outcome) => {
    const actor = await actorWith(role, role === 'ORGANIZATION' ? { organizationId: org.id } : {});
    const call = searchEverything(actor, { q: `dien bien ${tag}` });
    if (outcome === 'ok') expect((await call).organizations.map((o) => o.id)).toEqual([org.id]);
    else await expect(call).rejects.toBeInstanceOf(ForbiddenError);
  });
});
