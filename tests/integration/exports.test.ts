// Exports (issue 10): every list exports what its screen shows (its filters, all pages) as .xlsx and as UTF-8 CSV
// with a byte-order mark, money as numbers with a đồng format and dates as dates, to whom the screen shows it:
// the queue, the organizations, the users, the calls, the needs proposals, the listed tasks and the programs.
// The files are opened and read back. Real database, real services.
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTranslator } from 'next-intl';
import { prisma } from '@/lib/server/db';
import { ForbiddenError, NotFoundError } from '@/lib/server/errors';
import type { Actor } from '@/lib/server/actor';
import { loadMessages } from '@/lib/i18n/catalog';
import { exportList, type Translate } from '@/lib/exports/lists';
import { csvField } from '@/lib/exports/tabular';
import { listQueue } from '@/lib/tasks/service';
import { listNeeds, NEEDS_PAGE_SIZE } from '@/lib/needs/service';
import { LISTED_PAGE_SIZE, listListedTasks } from '@/lib/lists/service';
import { listPrograms, PROGRAMS_PAGE_SIZE } from '@/lib/programs/service';
import { actorWith } from '../support/fixtures';
import { caught, uniq } from '../support/lifecycle';

let t: Translate;
let staff: Actor;
let admin: Actor;
let org: Actor;
let other: Actor;
const TAG = `XK${uniq()}`;
const COUNT = 1003; // more than one batch of 1 000

beforeAll(async () => {
  t = createTranslator({ locale: 'vi', messages: (await loadMessages('vi')) as never }) as unknown as Translate;
  [staff, admin, org, other] = await Promise.all([
    actorWith('DEPARTMENT_STAFF'),
    actorWith('DEPARTMENT_ADMIN'),
    actorWith('ORGANIZATION'),
    actorWith('ORGANIZATION'),
  ]);
  // Dossiers of one listed task (as the app makes them), so the dossier migration's test leaves them alone.
  const listed = await prisma.listedTask.create({
    data: { planYear: 2062, status: 'OPEN', title: `Nhiệm vụ xuất danh sách ${TAG}`, method: 'SELECTION' },
  });
  await prisma.task.createMany({
    data: Array.from({ length: COUNT }, (_, i) => ({
      listedTaskId: listed.id,
      title: `Nghiên cứu “nông nghiệp”, xuất danh sách ${TAG} số ${i}`,
      year: 2062,
      hostOrganizationId: (i % 2 ? org : other).organizationId!,
      createdById: (i % 2 ? org : other).id,
      status: i === 0 ? ('APPROVED' as const) : ('PROPOSED' as const),
      field: 'AGRICULTURAL' as const,
      budgetTotal: 1_200_000_000n + BigInt(i),
      approvalDecisionDate: i === 0 ? new Date('2062-03-15T00:00:00Z') : null,
      submittedAt: new Date('2062-01-10T03:00:00Z'),
    })),
  });
});

async function workbook(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  return wb.worksheets[0];
}

/** A sheet's header (row 2) and its data rows (row 3 on), each as its cells' values. */
function sheetRows(ws: ExcelJS.Worksheet) {
  const header = (ws.getRow(2).values as unknown[]).slice(1);
  const values = (n: number) => header.map((_, j) => ws.getRow(n).getCell(j + 1).value ?? null);
  return { header, rows: Array.from({ length: ws.rowCount - 2 }, (_, i) => values(i + 3)) };
}

/** A CSV export's bytes: they start with the UTF-8 byte-order mark; its lines without it. */
async function csvOf(res: Response) {
  expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
}

/** Every page of a list service's rows for a filter (the pages the screen would show one after another). */
async function allPages<R>(
  list: (filter: Record<string, unknown>) => Promise<{ total: number; pageSize: number; rows: R[] }>,
  filter: object,
) {
  const first = await list({ ...filter, page: '1' });
  const rows = [...first.rows];
  for (let page = 2; (page - 1) * first.pageSize < first.total; page++) rows.push(...(await list({ ...filter, page: String(page) })).rows);
  expect(rows).toHaveLength(first.total);
  return { total: first.total, rows };
}

describe('the department queue export', () => {
  it('writes every page of the filtered queue to .xlsx, money as numbers in đồng, dates as dates', async () => {
    const q = await listQueue(staff, { q: TAG });
    expect(q.total).toBe(COUNT);
    const res = await exportList(staff, 'tasks', { q: TAG, format: 'xlsx' }, t);
    expect(res.headers.get('Content-Type')).toContain('spreadsheetml');
    expect(res.headers.get('Content-Disposition')).toMatch(/filename\*=UTF-8''nhiem-vu-\d{4}-\d{2}-\d{2}\.xlsx/);
    const ws = await workbook(res);
    expect(ws.getRow(1).getCell(1).value).toBe('Danh sách nhiệm vụ khoa học và công nghệ');
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['Mã số', 'Tên nhiệm vụ', 'Tổ chức chủ trì']);
    expect(ws.rowCount - 2).toBe(COUNT);
    const budgetCol = header.indexOf('Tổng kinh phí đề xuất (đồng)') + 1;
    const approvalCol = header.indexOf('Ngày quyết định phê duyệt') + 1;
    const rows = Array.from({ length: COUNT }, (_, i) => ws.getRow(i + 3));
    const approved = rows.find((r) => String(r.getCell(2).value).endsWith(`${TAG} số 0`))!;
    expect(approved.getCell(budgetCol).value).toBe(1_200_000_000);
    expect(approved.getCell(budgetCol).numFmt).toContain('#,##0');
    expect(approved.getCell(approvalCol).value).toEqual(new Date('2062-03-15T00:00:00Z'));
    expect(approved.getCell(approvalCol).numFmt).toBe('dd/mm/yyyy');
    // The screen's order: the same first rows as the queue's first page.
    expect(rows.slice(0, q.rows.length).map((r) => r.getCell(2).value)).toEqual(q.rows.map((r) => r.title));
  });

  it('writes CSV in UTF-8 with a byte-order mark, quoting what needs it, for the statistics drill-down too', async () => {
    const res = await exportList(staff, 'tasks', { q: TAG, status: 'APPROVED', format: 'csv' }, t);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0].startsWith('Mã số,Tên nhiệm vụ,Tổ chức chủ trì,')).toBe(true);
    expect(lines[1]).toContain(`"Nghiên cứu “nông nghiệp”, xuất danh sách ${TAG} số 0"`);
    expect(lines[1]).toContain(',1200000000,');
    expect(lines[1]).toContain(',15/03/2062,');
  });

  it('gives an organization its own tasks only, whatever filter it sends', async () => {
    const ws = await workbook(await exportList(org, 'tasks', { q: 'anything', organizationId: other.organizationId!, format: 'xlsx' }, t));
    const titles = Array.from({ length: ws.rowCount - 2 }, (_, i) => String(ws.getRow(i + 3).getCell(2).value));
    expect(titles).toHaveLength((COUNT - 1) / 2);
    const own = await prisma.task.count({ where: { hostOrganizationId: org.organizationId!, title: { in: titles } } });
    expect(own).toBe(titles.length);
  });
});

describe('the needs proposals export', () => {
  const NEEDS = NEEDS_PAGE_SIZE + 5; // more than one page of the screen

  beforeAll(async () => {
    const call = await prisma.call.create({
      data: {
        kind: 'NEEDS',
        title: `Đợt đề xuất đặt hàng xuất danh sách ${TAG}`,
        year: 2063,
        opensAt: new Date('2062-03-01T01:00:00Z'),
        closesAt: new Date('2062-04-30T10:00:00Z'),
      },
    });
    const program = await prisma.program.create({
      data: {
        code: `CT${uniq()}`,
        name: 'Chương trình nông thôn mới',
        startYear: 2060,
        endYear: 2065,
        goals: '',
        budget: 1n,
        createdById: admin.id,
      },
    });
    await prisma.needsProposal.createMany({
      data: Array.from({ length: NEEDS + 1 }, (_, i) => ({
        callId: call.id,
        organizationId: (i % 2 ? org : other).organizationId!,
        createdById: (i % 2 ? org : other).id,
        // The last is a draft: the department's list never shows one.
        status: i === NEEDS ? ('DRAFT' as const) : i % 3 ? ('SUBMITTED' as const) : ('UNDER_IDENTIFICATION' as const),
        code: i === NEEDS ? null : `DX-${TAG}-${String(i).padStart(3, '0')}`,
        title: `Đề xuất nuôi thủy sản nước lợ ${TAG} số ${i}`,
        field: 'AGRICULTURAL' as const,
        durationMonths: 24,
        budgetEstimate: 800_000_000n + BigInt(i),
        programId: i === 0 ? program.id : null,
        submittedAt: i === NEEDS ? null : new Date('2062-04-10T03:30:00Z'),
        updatedAt: new Date(Date.UTC(2062, 4, 1) + i * 60_000),
      })),
    });
  });

  it('writes every page of the filtered list (searched without diacritics), Vietnamese headers, money in đồng, in .xlsx and CSV', async () => {
    const filter = { q: `nuoi thuy san nuoc lo ${TAG.toLowerCase()}` };
    const listed = await allPages((f) => listNeeds(staff, f), filter);
    expect(listed.total).toBe(NEEDS);

    const res = await exportList(staff, 'needs', { ...filter, format: 'xlsx' }, t);
    expect(res.headers.get('Content-Disposition')).toMatch(/filename\*=UTF-8''de-xuat-dat-hang-\d{4}-\d{2}-\d{2}\.xlsx/);
    const ws = await workbook(res);
    expect(ws.name).toBe('Đề xuất đặt hàng');
    expect(ws.getRow(1).getCell(1).value).toBe('Danh sách phiếu đề xuất đặt hàng');
    const { header, rows } = sheetRows(ws);
    expect(header).toEqual([
      'Mã phiếu',
      'Tên nhiệm vụ đề xuất',
      'Đợt đề xuất đặt hàng',
      'Năm kế hoạch',
      'Tổ chức đề xuất',
      'Lĩnh vực',
      'Chương trình',
      'Trạng thái',
      'Thời gian thực hiện dự kiến (tháng)',
      'Kinh phí dự kiến (đồng)',
      'Ngày gửi',
      'Cập nhật',
    ]);
    // The list's rows, all pages, in its order.
    expect(rows.map((r) => r.slice(0, 10))).toEqual(
      listed.rows.map((r) => [
        r.code,
        r.title,
        r.call.title,
        2063,
        r.organization.name,
        'Khoa học nông nghiệp',
        r.code?.endsWith('-000') ? expect.stringMatching(/^CT/) : null,
        r.status === 'SUBMITTED' ? 'Đã gửi' : 'Đang xác định nhiệm vụ',
        24,
        Number(r.budgetEstimate),
      ]),
    );
    const budget = ws.getRow(3).getCell(header.indexOf('Kinh phí dự kiến (đồng)') + 1);
    expect(typeof budget.value).toBe('number');
    expect(budget.numFmt).toContain('#,##0');
    // The instant of submission as the wall clock in Vietnam.
    expect(ws.getRow(3).getCell(header.indexOf('Ngày gửi') + 1).value).toEqual(new Date('2062-04-10T10:30:00Z'));

    const own = await listNeeds(staff, { ...filter, organizationId: org.organizationId! });
    const lines = await csvOf(await exportList(staff, 'needs', { ...filter, organizationId: org.organizationId!, format: 'csv' }, t));
    expect(lines[0].startsWith('Mã phiếu,Tên nhiệm vụ đề xuất,Đợt đề xuất đặt hàng,Năm kế hoạch,')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(own.rows.map((r) => r.code));
    expect(lines[1]).toContain(`,${own.rows[0].budgetEstimate},`);
    expect(lines[1]).toContain(',10/04/2062 10:30,');
  });
});

describe('the listed tasks export', () => {
  const LISTED = LISTED_PAGE_SIZE + 5;

  beforeAll(async () => {
    await prisma.listedTask.createMany({
      data: Array.from({ length: LISTED + 1 }, (_, i) => ({
        planYear: 2063 - (i % 2),
        // The last is only proposed: the list shows what UBND listed.
        status: i === LISTED ? ('PROPOSED' as const) : i % 4 ? ('LISTED' as const) : ('OPEN' as const),
        code: i === LISTED ? null : `DM-${TAG}-${String(i).padStart(3, '0')}`,
        title: `Nhiệm vụ đặt hàng chế biến nông sản ${TAG} số ${i}, “sấy lạnh”`,
        field: 'AGRICULTURAL' as const,
        method: i % 5 ? ('SELECTION' as const) : ('DIRECT' as const),
        directOrganizationId: i % 5 ? null : org.organizationId!,
        urgent: i === 7,
        durationMonths: 18,
        budgetEstimate: 2_500_000_000n + BigInt(i),
        decisionNumber: `${i + 1}/QĐ-UBND`,
        decisionDate: new Date('2062-12-20T00:00:00Z'),
      })),
    });
  });

  it('writes every page of the filtered list, Vietnamese headers, money in đồng, dates as dates, in .xlsx and CSV', async () => {
    const filter = { q: `che bien nong san ${TAG}` };
    const listed = await allPages((f) => listListedTasks(staff, f), filter);
    expect(listed.total).toBe(LISTED);

    const res = await exportList(staff, 'listed-tasks', { ...filter, format: 'xlsx' }, t);
    expect(res.headers.get('Content-Disposition')).toMatch(/filename\*=UTF-8''nhiem-vu-dat-hang-\d{4}-\d{2}-\d{2}\.xlsx/);
    const ws = await workbook(res);
    expect(ws.getRow(1).getCell(1).value).toBe('Danh sách nhiệm vụ đặt hàng');
    const { header, rows } = sheetRows(ws);
    expect(header).toEqual([
      'Mã',
      'Tên nhiệm vụ',
      'Năm kế hoạch',
      'Lĩnh vực',
      'Chương trình',
      'Phương thức',
      'Tổ chức được giao trực tiếp',
      'Đột xuất',
      'Thời gian thực hiện (tháng)',
      'Kinh phí dự kiến từ ngân sách nhà nước (đồng)',
      'Số quyết định',
      'Ngày quyết định',
      'Tình trạng',
    ]);
    const col = (name: string) => header.indexOf(name);
    const pick = (r: unknown[]) => [
      r[0],
      r[1],
      r[2],
      r[col('Phương thức')],
      r[col('Đột xuất')],
      r[col('Kinh phí dự kiến từ ngân sách nhà nước (đồng)')],
      r[col('Tình trạng')],
    ];
    expect(rows.map(pick)).toEqual(
      listed.rows.map((r) => [
        r.code,
        r.title,
        r.planYear,
        r.method === 'DIRECT' ? 'Giao trực tiếp' : 'Tuyển chọn',
        r.urgent ? 'Có' : 'Không',
        Number(r.budgetEstimate),
        r.status === 'OPEN' ? 'Đang tuyển chọn, giao trực tiếp' : 'Đã phê duyệt, chờ tuyển chọn',
      ]),
    );
    const first = ws.getRow(3);
    expect(typeof first.getCell(col('Kinh phí dự kiến từ ngân sách nhà nước (đồng)') + 1).value).toBe('number');
    expect(first.getCell(col('Kinh phí dự kiến từ ngân sách nhà nước (đồng)') + 1).numFmt).toContain('#,##0');
    expect(first.getCell(col('Ngày quyết định') + 1).value).toEqual(new Date('2062-12-20T00:00:00Z'));
    expect(first.getCell(col('Ngày quyết định') + 1).numFmt).toBe('dd/mm/yyyy');

    const direct = await listListedTasks(staff, { ...filter, method: 'DIRECT', year: '2063' });
    const lines = await csvOf(await exportList(staff, 'listed-tasks', { ...filter, method: 'DIRECT', year: '2063', format: 'csv' }, t));
    expect(lines[0].startsWith('Mã,Tên nhiệm vụ,Năm kế hoạch,Lĩnh vực,')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(direct.rows.map((r) => r.code));
    expect(lines[1]).toMatch(new RegExp(`,"Nhiệm vụ đặt hàng chế biến nông sản ${TAG} số \\d+, “sấy lạnh”",`));
    expect(lines[1]).toContain(`,Giao trực tiếp,${direct.rows[0].directOrganization!.name},`);
    expect(lines[1]).toContain(',20/12/2062,');
  });
});

describe('the programs export', () => {
  const PROGRAMS = PROGRAMS_PAGE_SIZE + 5;

  beforeAll(async () => {
    await prisma.program.createMany({
      data: Array.from({ length: PROGRAMS }, (_, i) => ({
        code: `${TAG}-${String(i).padStart(2, '0')}`,
        name: `Chương trình phát triển thị trường ${TAG} số ${i}`,
        startYear: 2016 + (i % 12),
        endYear: 2020 + (i % 12),
        goals: 'Mục tiêu của chương trình.',
        budget: 15_000_000_000n + BigInt(i),
        decisionNo: `${i + 1}/QĐ-UBND`,
        createdById: admin.id,
      })),
    });
  });

  it('writes every page of the searched list, Vietnamese headers, money in đồng, in .xlsx and CSV', async () => {
    const filter = { q: `phat trien thi truong ${TAG}` };
    const listed = await allPages((f) => listPrograms(staff, f), filter);
    expect(listed.total).toBe(PROGRAMS);
    expect(new Set(listed.rows.map((r) => r.active))).toEqual(new Set([true, false]));

    const res = await exportList(staff, 'programs', { ...filter, format: 'xlsx' }, t);
    expect(res.headers.get('Content-Disposition')).toMatch(/filename\*=UTF-8''chuong-trinh-\d{4}-\d{2}-\d{2}\.xlsx/);
    const ws = await workbook(res);
    expect(ws.getRow(1).getCell(1).value).toBe('Chương trình khoa học và công nghệ');
    const { header, rows } = sheetRows(ws);
    expect(header).toEqual([
      'Mã chương trình',
      'Tên chương trình',
      'Năm bắt đầu',
      'Năm kết thúc',
      'Tổng kinh phí (đồng)',
      'Số quyết định phê duyệt',
      'Tình trạng',
      'Số nhiệm vụ',
      'Số phiếu đề xuất',
      'Số nhiệm vụ trong danh mục',
    ]);
    expect(rows).toEqual(
      listed.rows.map((r) => [
        r.code,
        r.name,
        r.startYear,
        r.endYear,
        Number(r.budget),
        r.decisionNo,
        r.active ? 'Đang thực hiện' : 'Ngoài thời gian thực hiện',
        0,
        0,
        0,
      ]),
    );
    expect(ws.getRow(3).getCell(5).numFmt).toContain('#,##0');

    const lines = await csvOf(await exportList(admin, 'programs', { ...filter, format: 'csv' }, t));
    expect(lines[0]).toBe(header.join(','));
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(listed.rows.map((r) => r.code));
    expect(lines[1]).toContain(`,${listed.rows[0].budget},`);
  });
});

describe('who may export which list', () => {
  it('refuses what the screens refuse: 403 for the wrong role, 404 for no such list', async () => {
    const evaluator = await actorWith('EVALUATOR');
    expect(await caught(exportList(evaluator, 'tasks', {}, t))).toBeInstanceOf(ForbiddenError);
    for (const list of ['organizations', 'users', 'calls', 'needs', 'listed-tasks', 'programs']) {
      expect(await caught(exportList(org, list, {}, t)), list).toBeInstanceOf(ForbiddenError);
      expect(await caught(exportList(evaluator, list, {}, t)), list).toBeInstanceOf(ForbiddenError);
    }
    expect(await caught(exportList(staff, 'users', {}, t))).toBeInstanceOf(ForbiddenError);
    expect(await caught(exportList(admin, 'secrets', {}, t))).toBeInstanceOf(NotFoundError);
  });

  it('refuses the needs proposals, listed tasks and programs to exactly whom their list screens refuse', async () => {
    const evaluator = await actorWith('EVALUATOR');
    const screens = { needs: listNeeds, 'listed-tasks': listListedTasks, programs: listPrograms };
    // 'ok' or the error's class; a file is read to its end.
    const outcome = (p: Promise<unknown>) =>
      p.then(
        async (r) => (r instanceof Response && (await r.arrayBuffer()), 'ok'),
        (e: Error) => e.constructor.name,
      );
    for (const [list, screen] of Object.entries(screens))
      for (const actor of [admin, staff, org, evaluator]) {
        const shown = await outcome(screen(actor, {}));
        expect(shown).toBe(actor.role.startsWith('DEPARTMENT_') ? 'ok' : 'ForbiddenError');
        expect(await outcome(exportList(actor, list, { format: 'csv' }, t)), `${list} for ${actor.role}`).toBe(shown);
      }
  });

  it('exports the organizations, users and calls to the department', async () => {
    const { name } = await prisma.organization.findUniqueOrThrow({ where: { id: org.organizationId! }, select: { name: true } });
    const orgs = await workbook(await exportList(staff, 'organizations', { q: name, format: 'xlsx' }, t));
    expect((orgs.getRow(2).values as unknown[]).slice(1, 3)).toEqual(['Tên tổ chức', 'Mã số thuế']);
    expect(orgs.rowCount).toBe(3);
    expect(orgs.getRow(3).getCell(1).value).toBe(name);
    const users = await exportList(admin, 'users', { q: admin.email, format: 'csv' }, t);
    const text = Buffer.from(await users.arrayBuffer()).toString('utf8');
    expect(text).toContain(admin.email);
    expect(text).not.toMatch(/\$2[aby]\$|argon2/);
    const calls = await workbook(await exportList(staff, 'calls', { format: 'xlsx' }, t));
    expect(calls.getRow(2).getCell(1).value).toBe('Tên đợt');
  });
});

describe('CSV fields', () => {
  it('quotes a comma, a quote or a line break, and nothing else', () => {
    expect(csvField('nông nghiệp')).toBe('nông nghiệp');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
  });
});
