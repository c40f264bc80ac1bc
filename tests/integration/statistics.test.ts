// The department's yearly figures (issue 10): a year seeded by hand (2061, used by no other test), each figure
// asserted against the count made here, the edges of the year in Vietnam included, and every figure's drill-down
// (the queue filtered to it) holding exactly that many tasks. Real database, real services.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { ForbiddenError } from '@/lib/server/errors';
import type { Actor } from '@/lib/server/actor';
import ExcelJS from 'exceljs';
import { getStatistics } from '@/lib/statistics/service';
import { exportForm04 } from '@/lib/exports/form-04';
import { SCIENCE_FIELDS } from '@/lib/domain/task-status';
import { listQueue } from '@/lib/tasks/service';
import { TASK_FIGURES, type TaskFigure } from '@/lib/domain/statistics';
import { actorWith } from '../support/fixtures';
import { caught, uniq } from '../support/lifecycle';

const Y = 2061;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const vn = (isoLocal: string) => new Date(`${isoLocal}+07:00`);

let staff: Actor;
let admin: Actor;
let orgA: Actor;
let orgB: Actor;
const ids: Record<string, string> = {};

type TaskSeed = Partial<Parameters<typeof prisma.task.create>[0]['data']> & { org: Actor };

async function task(name: string, { org, ...data }: TaskSeed) {
  const created = await prisma.task.create({
    data: {
      title: `Nhiệm vụ thống kê ${name} ${uniq()}`,
      year: Y,
      hostOrganizationId: org.organizationId!,
      createdById: org.id,
      status: 'RUNNING',
      ...data,
    } as Parameters<typeof prisma.task.create>[0]['data'],
    select: { id: true },
  });
  ids[name] = created.id;
  return created.id;
}

beforeAll(async () => {
  [staff, admin, orgA, orgB] = await Promise.all([
    actorWith('DEPARTMENT_STAFF'),
    actorWith('DEPARTMENT_ADMIN'),
    actorWith('ORGANIZATION'),
    actorWith('ORGANIZATION'),
  ]);
  // Dossiers: submitted in 2061 in Vietnam (T1), and one submitted at 23:30 on 31/12/2060 in Vietnam (T2: not counted).
  await task('T1', {
    org: orgA,
    field: 'AGRICULTURAL',
    type: 'RESEARCH',
    submittedAt: vn('2061-03-01T09:00:00'),
    approvalDecisionDate: day('2061-05-01'),
    approvedBudget: 1_000_000_000n,
    contractSignedAt: day('2061-06-01'),
    fundedAmount: 900_000_000n,
  });
  await task('T2', {
    org: orgB,
    field: 'ENGINEERING',
    type: 'PILOT_PRODUCTION',
    status: 'APPROVED',
    submittedAt: vn('2060-12-31T23:30:00'),
    approvalDecisionDate: day('2061-01-01'),
    approvedBudget: 500_000_000n,
  });
  // Accepted on the year's last day (Excellent), registered the same day; its liquidation is dated the next year.
  const t3 = await task('T3', {
    org: orgA,
    field: 'AGRICULTURAL',
    type: 'RESEARCH',
    status: 'ACCEPTED',
    approvalDecisionDate: day('2059-05-01'),
    contractSignedAt: day('2059-06-01'),
    endDate: day('2061-06-30'),
    acceptanceDecisionDate: day('2061-12-31'),
    closedAt: vn('2061-12-31T16:00:00'),
    acceptanceGrade: 'EXCELLENT',
  });
  await prisma.resultRegistration.create({
    data: {
      taskId: t3,
      status: 'REGISTERED',
      resultsSummary: 'Kết quả nộp lưu giữ.',
      submittedById: orgA.id,
      submittedAt: vn('2061-12-20T09:00:00'),
      certificateNo: `GCN-${uniq()}`,
      certificateDate: day('2061-12-31'),
    },
  });
  await prisma.liquidation.create({
    data: {
      taskId: t3,
      recordNo: `BB-${uniq()}`,
      liquidatedOn: day('2062-01-01'),
      disbursed: 1n,
      spent: 1n,
      refunded: 0n,
      recordedById: staff.id,
    },
  });
  // Accepted (Pass) in July, liquidated with a refund in August, its registration certified the next year, its
  // first application report sent in September.
  const t4 = await task('T4', {
    org: orgB,
    field: 'MEDICAL',
    status: 'ACCEPTED',
    acceptanceDecisionDate: day('2061-07-01'),
    acceptanceGrade: 'PASS',
  });
  await prisma.liquidation.create({
    data: {
      taskId: t4,
      recordNo: `BB-${uniq()}`,
      liquidatedOn: day('2061-08-01'),
      disbursed: 800_000_000n,
      spent: 750_000_000n,
      refunded: 50_000_000n,
      recordedById: staff.id,
    },
  });
  await prisma.resultRegistration.create({
    data: {
      taskId: t4,
      status: 'REGISTERED',
      resultsSummary: 'Kết quả nộp lưu giữ.',
      submittedById: orgB.id,
      submittedAt: vn('2061-12-28T09:00:00'),
      certificateNo: `GCN-${uniq()}`,
      certificateDate: day('2062-01-02'),
    },
  });
  await prisma.applicationReport.create({
    data: {
      taskId: t4,
      dueDate: day('2062-07-01'),
      yearNo: 1,
      applicationPlaces: 'Bệnh viện tỉnh.',
      benefits: 'Rút ngắn thời gian điều trị.',
      submittedById: orgB.id,
      submittedAt: vn('2061-09-01T10:00:00'),
    },
  });
  await task('T5', { org: orgA, field: 'AGRICULTURAL', status: 'NOT_ACCEPTED', acceptanceDecisionDate: day('2061-03-03') });
  // Terminated at 23:59 on 31/12/2061 in Vietnam (counted) and at 00:30 on 01/01/2062 (not counted).
  await task('T6', { org: orgB, status: 'TERMINATED', closedAt: new Date('2061-12-31T16:59:00Z') });
  await task('T7', { org: orgB, status: 'TERMINATED', closedAt: new Date('2061-12-31T17:30:00Z') });
  // Accepted on 01/01/2062: not in 2061.
  await task('T8', { org: orgA, status: 'ACCEPTED', acceptanceDecisionDate: day('2062-01-01'), acceptanceGrade: 'PASS' });

  // The year before the dossiers: two needs proposals submitted in 2061 (one at 00:10 on 01/01 in Vietnam), one in 2060.
  const call = await prisma.call.create({
    data: {
      kind: 'NEEDS',
      title: `Đợt đề xuất ${uniq()}`,
      year: Y + 1,
      opensAt: vn('2060-12-01T08:00:00'),
      closesAt: vn('2061-12-31T17:00:00'),
    },
  });
  for (const at of [vn('2061-01-01T00:10:00'), vn('2061-06-15T10:00:00'), vn('2060-12-31T23:50:00')])
    await prisma.needsProposal.create({
      data: {
        callId: call.id,
        organizationId: orgA.organizationId!,
        createdById: orgA.id,
        status: 'SUBMITTED',
        title: `Đề xuất ${uniq()}`,
        submittedAt: at,
      },
    });
  // Listed by UBND in 2061: two items of a list decided on 20/02/2061 (one struck: not counted) and an urgent task
  // decided on 30/12/2061; a list decided in 2060 is not counted.
  const list = await prisma.orderList.create({
    data: { planYear: Y, title: `Danh mục ${uniq()}`, status: 'DECIDED', decisionDate: day('2061-02-20'), createdById: staff.id },
  });
  const old = await prisma.orderList.create({
    data: { planYear: Y, title: `Danh mục ${uniq()}`, status: 'DECIDED', decisionDate: day('2060-12-30'), createdById: staff.id },
  });
  for (const [listId, status] of [
    [list.id, 'LISTED'],
    [list.id, 'OPEN'],
    [list.id, 'STRUCK'],
    [old.id, 'LISTED'],
  ] as const)
    await prisma.listedTask.create({ data: { planYear: Y, status, listId, title: `Nhiệm vụ danh mục ${uniq()}`, method: 'SELECTION' } });
  await prisma.listedTask.create({
    data: {
      planYear: Y,
      status: 'LISTED',
      urgent: true,
      decisionDate: day('2061-12-30'),
      title: `Nhiệm vụ đột xuất ${uniq()}`,
      method: 'SELECTION',
    },
  });
});

const EXPECTED: Record<TaskFigure, string[]> = {
  dossiers: ['T1'],
  approved: ['T1', 'T2'],
  contracted: ['T1'],
  accepted: ['T3', 'T4'],
  notAccepted: ['T5'],
  terminated: ['T6'],
  registered: ['T3'],
  liquidated: ['T4'],
  applied: ['T4'],
};

describe('the statistics of a year', () => {
  it('counts every figure by its event’s date in Vietnam, the year’s edges included', async () => {
    const s = await getStatistics(staff, { year: Y });
    expect(s.range).toEqual({ from: Y, to: Y });
    expect(s.plan).toEqual({ needs: 2, listed: 3 });
    expect(s.tasks.total).toEqual({
      dossiers: 1,
      approved: 2,
      contracted: 1,
      accepted: 2,
      acceptedExcellent: 1,
      acceptedPass: 1,
      notAccepted: 1,
      terminated: 1,
      registered: 1,
      liquidated: 1,
      applied: 1,
      approvedBudget: 1_500_000_000n,
      contractedBudget: 900_000_000n,
      disbursed: 800_000_000n,
      refunded: 50_000_000n,
    });
  });

  it('breaks the figures down by field, kind, host organization and program', async () => {
    const s = await getStatistics(admin, { from: String(Y), to: String(Y) });
    const field = Object.fromEntries(s.tasks.byField.map((r) => [r.key ?? 'none', r.figures]));
    expect(field.AGRICULTURAL).toMatchObject({ approved: 1, accepted: 1, notAccepted: 1, approvedBudget: 1_000_000_000n });
    expect(field.ENGINEERING).toMatchObject({ approved: 1, approvedBudget: 500_000_000n });
    expect(field.MEDICAL).toMatchObject({ accepted: 1, acceptedPass: 1, liquidated: 1, refunded: 50_000_000n });
    expect(field.none).toMatchObject({ terminated: 1 });
    const kind = Object.fromEntries(s.tasks.byType.map((r) => [r.key ?? 'none', r.figures]));
    expect(kind.RESEARCH).toMatchObject({ approved: 1, accepted: 1, registered: 1 });
    expect(kind.PILOT_PRODUCTION).toMatchObject({ approved: 1 });
    const org = Object.fromEntries(s.tasks.byOrganization.map((r) => [r.key, r.figures]));
    expect(org[orgA.organizationId!]).toMatchObject({ dossiers: 1, approved: 1, contracted: 1, accepted: 1, notAccepted: 1 });
    expect(org[orgB.organizationId!]).toMatchObject({ approved: 1, accepted: 1, terminated: 1, applied: 1 });
    expect(s.names.organization[orgA.organizationId!]).toBeTruthy();
    // No task of the year names a program: one "not stated" row holding every figure.
    expect(s.tasks.byProgram).toEqual([{ key: null, figures: s.tasks.total }]);
  });

  it('gives each figure a list of exactly the tasks it counts', async () => {
    for (const figure of TASK_FIGURES) {
      const q = await listQueue(staff, { figure, from: String(Y), to: String(Y) });
      expect(q.rows.map((r) => r.id).sort(), figure).toEqual(EXPECTED[figure].map((n) => ids[n]).sort());
      expect(q.total, figure).toBe(EXPECTED[figure].length);
    }
    // A breakdown's cell: the figure and the row's key.
    const agri = await listQueue(staff, { figure: 'approved', from: String(Y), to: String(Y), field: 'AGRICULTURAL' });
    expect(agri.rows.map((r) => r.id)).toEqual([ids.T1]);
    const unstated = await listQueue(staff, { figure: 'terminated', from: String(Y), to: String(Y), field: 'none' });
    expect(unstated.rows.map((r) => r.id)).toEqual([ids.T6]);
  });

  it('adds the years of a range, and reads a broken period as the current year', async () => {
    const s = await getStatistics(staff, { from: String(Y), to: String(Y + 1) });
    expect(s.range).toEqual({ from: Y, to: Y + 1 });
    // 2062 adds T7 (terminated at 00:30 on 01/01/2062), T8 (accepted), T3's liquidation and T4's certificate.
    expect(s.tasks.total).toMatchObject({ terminated: 2, accepted: 3, liquidated: 2, registered: 2 });
    const reversed = await getStatistics(staff, { from: String(Y + 1), to: String(Y) });
    expect(reversed.range).toEqual({ from: Y, to: Y + 1 });
    const broken = await getStatistics(staff, { from: 'abc', to: '99999' }, new Date('2061-06-01T00:00:00Z'));
    expect(broken.range).toEqual({ from: Y, to: Y });
  });

  it('fills the provincial statistics form (Biểu 04/TKTH-KHCN-ĐP) of the year by field, in Vietnamese', async () => {
    const res = await exportForm04(staff, String(Y));
    expect(res.headers.get('Content-Disposition')).toContain(`Bieu-04-TKTH-KHCN-DP-${Y}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('Biểu 04/TKTH-KHCN-ĐP');
    expect(ws.getCell('A5').value).toBe('NHIỆM VỤ KHOA HỌC VÀ CÔNG NGHỆ CẤP TỈNH');
    expect(ws.getCell('A6').value).toBe(`Năm ${Y}`);
    expect(ws.getCell('A8').value).toBe('Chỉ tiêu');
    const col = (field: string) => 4 + SCIENCE_FIELDS.indexOf(field as never);
    expect(ws.getCell(9, col('AGRICULTURAL')).value).toBe('Khoa học nông nghiệp');
    const line = (code: string) => {
      for (let r = 11; r <= ws.rowCount; r++) if (ws.getCell(r, 2).value === code) return ws.getRow(r);
      throw new Error(`no line ${code}`);
    };
    const at = (code: string, field?: string) => line(code).getCell(field ? col(field) : 3).value;
    // Carried out: T1 contracted in 2061 (new), T3 contracted in 2059 and closed in 2061 (continuing).
    expect([at('01'), at('02'), at('03'), at('01', 'AGRICULTURAL')]).toEqual([2, 1, 1, 2]);
    // Assessed: T3 (Excellent), T4 (Pass), T5 (not accepted); terminated: T6.
    expect([at('04'), at('05'), at('06'), at('07'), at('08'), at('09')]).toEqual([3, 2, 1, 1, 1, 1]);
    expect([at('04', 'AGRICULTURAL'), at('05', 'MEDICAL'), at('08', 'AGRICULTURAL'), at('04', 'NATURAL')]).toEqual([2, 1, 1, 0]);
    // Budgets in millions: T1's contract, T4's liquidation (800 disbursed, 50 refunded).
    expect([at('11'), at('12'), at('13'), at('12', 'MEDICAL')]).toEqual([900, 800, 50, 800]);
    expect(line('11').getCell(1).value).toBe('Kinh phí theo hợp đồng của nhiệm vụ mở mới');
  });

  it('is the department’s: an organization and an evaluator are refused', async () => {
    for (const who of [orgA, await actorWith('EVALUATOR')])
      expect(await caught(getStatistics(who, { year: Y }))).toBeInstanceOf(ForbiddenError);
  });
});
