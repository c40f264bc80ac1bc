// The public registry of accepted tasks: accepted only, exactly the public fields, searched ignoring case and
// diacritics, paginated; against the real PostgreSQL.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { listRegistry } from '@/lib/registry/service';
import { makeUser } from '../support/fixtures';

const tag = randomUUID().slice(0, 8);
let org: { id: string; name: string };

beforeAll(async () => {
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
});

describe('the public registry', () => {
  const PUBLIC_FIELDS = [
    'approvedBudget',
    'certificateNo',
    'code',
    'endYear',
    'field',
    'grade',
    'organization',
    'principalInvestigator',
    'resultsSummary',
    'startYear',
    'title',
  ];
  let accepted: { registered: string; pending: string };

  beforeAll(async () => {
    const owner = await makeUser('ORGANIZATION', { organizationId: org.id });
    const secret = {
      budgetTotal: 2_000_000_000n,
      budgetState: 1_500_000_000n,
      piEmail: 'secret@example.vn',
      piPhone: '0900000000',
      selfAssessment: 'Tự đánh giá nội bộ',
      contractNo: 'HĐ-BÍ-MẬT',
    };
    const task = (data: Record<string, unknown>) =>
      prisma.task
        .create({
          data: { year: 2022, hostOrganizationId: org.id, createdById: owner.id, title: '', ...secret, ...data },
          select: { id: true },
        })
        .then((t) => t.id);
    const done = (n: string) => ({
      status: 'ACCEPTED',
      code: `KHCN-2022-${tag}-${n}`,
      field: 'AGRICULTURAL',
      piName: 'PGS.TS. Phạm Đình Tuấn',
      startDate: new Date('2022-02-01'),
      endDate: new Date('2023-12-31'),
      acceptanceGrade: 'EXCELLENT',
      acceptanceDecisionDate: new Date('2024-03-15'),
      finalReportSummary: 'Giống lúa mới cho năng suất cao.',
      approvedBudget: 1_450_000_000n,
    });
    accepted = {
      registered: await task({ ...done('1'), title: `Chọn tạo giống lúa chịu mặn ${tag} vùng ven biển` }),
      pending: await task({ ...done('2'), title: `Quy trình canh tác lúa chịu mặn ${tag}`, acceptanceGrade: 'PASS' }),
    };
    await task({ status: 'NOT_ACCEPTED', title: `Mô hình lúa chịu mặn ${tag} không đạt`, acceptanceGrade: 'FAIL' });
    await task({ status: 'RUNNING', title: `Lúa chịu mặn ${tag} đang thực hiện` });
    await task({ status: 'ACCEPTANCE_REVIEW', title: `Lúa chịu mặn ${tag} chờ nghiệm thu` });
    const registration = (taskId: string, status: 'REGISTERED' | 'SUBMITTED', certificateNo: string | null) =>
      prisma.resultRegistration.create({
        data: { taskId, status, certificateNo, resultsSummary: 'Kết quả', submittedById: owner.id, submittedAt: new Date() },
      });
    await registration(accepted.registered, 'REGISTERED', `GCN-${tag}`);
    await registration(accepted.pending, 'SUBMITTED', null);
  });

  it('lists accepted tasks only, searched without diacritics, with exactly the public fields', async () => {
    // five tasks carry these words; two of them were accepted
    const found = await listRegistry({ q: `lua chiu man ${tag}` });
    expect(found.total).toBe(2);
    expect(found.rows.map((r) => r.title).sort()).toEqual([
      `Chọn tạo giống lúa chịu mặn ${tag} vùng ven biển`,
      `Quy trình canh tác lúa chịu mặn ${tag}`,
    ]);
    expect((await listRegistry({ q: `GIỐNG LUA chiu man ${tag} VUNG` })).rows.map((r) => r.code)).toEqual([`KHCN-2022-${tag}-1`]);
    const byOrg = await listRegistry({ q: `DIEN BIEN ${tag}` });
    expect(byOrg.rows.map((r) => r.code).sort()).toEqual([`KHCN-2022-${tag}-1`, `KHCN-2022-${tag}-2`]);
    for (const row of byOrg.rows) expect(Object.keys(row).sort()).toEqual(PUBLIC_FIELDS);
    expect(byOrg.rows.find((r) => r.code?.endsWith('-1'))).toEqual({
      code: `KHCN-2022-${tag}-1`,
      title: `Chọn tạo giống lúa chịu mặn ${tag} vùng ven biển`,
      organization: org.name,
      principalInvestigator: 'PGS.TS. Phạm Đình Tuấn',
      field: 'AGRICULTURAL',
      startYear: 2022,
      endYear: 2023,
      grade: 'EXCELLENT',
      resultsSummary: 'Giống lúa mới cho năng suất cao.',
      approvedBudget: 1_450_000_000n,
      certificateNo: `GCN-${tag}`,
    });
    // a registration not yet recorded shows no certificate number
    expect(byOrg.rows.find((r) => r.code?.endsWith('-2'))?.certificateNo).toBeNull();
    expect((await listRegistry({ q: 'pham dinh tuan' })).rows.length).toBeGreaterThanOrEqual(2);
  });

  it('counts every accepted task and nothing else, a page at a time', async () => {
    const all = await listRegistry({});
    expect(all.total).toBe(await prisma.task.count({ where: { status: 'ACCEPTED' } }));
    const rows = [];
    for (let page = 1; page <= Math.ceil(all.total / all.pageSize); page++) rows.push(...(await listRegistry({ page: String(page) })).rows);
    expect(rows).toHaveLength(all.total);
    const codes = rows.flatMap((r) => (r.code ? [r.code] : []));
    const statuses = await prisma.task.findMany({ where: { code: { in: codes } }, select: { status: true } });
    expect(statuses).toHaveLength(codes.length);
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['ACCEPTED']));
  });
});
