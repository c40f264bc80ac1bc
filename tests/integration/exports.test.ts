// Exports (issue 10): every list exports what its screen shows (its filters, all pages) as .xlsx and as UTF-8 CSV
// with a byte-order mark, money as numbers with a đồng format and dates as dates, to whom the screen shows it.
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

describe('who may export which list', () => {
  it('refuses what the screens refuse: 403 for the wrong role, 404 for no such list', async () => {
    const evaluator = await actorWith('EVALUATOR');
    expect(await caught(exportList(evaluator, 'tasks', {}, t))).toBeInstanceOf(ForbiddenError);
    for (const list of ['organizations', 'users', 'calls'])
      expect(await caught(exportList(org, list, {}, t)), list).toBeInstanceOf(ForbiddenError);
    expect(await caught(exportList(staff, 'users', {}, t))).toBeInstanceOf(ForbiddenError);
    expect(await caught(exportList(admin, 'secrets', {}, t))).toBeInstanceOf(NotFoundError);
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
