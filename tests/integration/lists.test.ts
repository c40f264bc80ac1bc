// The list of ordered tasks proposed to UBND and the listed tasks (domain.md phase 1 step 3): staff assemble a
// list from recommended needs proposals and send it; the leader records UBND's decision; urgent tasks are listed
// by their own decision. Every refusal changes nothing. Real database, real logins.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import type { Actor } from '@/lib/server/actor';
import type { ConflictError, ValidationError } from '@/lib/server/errors';
import { createCall } from '@/lib/calls/service';
import { createNeeds, submitNeeds } from '@/lib/needs/service';
import {
  addListItems,
  createOrderList,
  createUrgentListedTask,
  decideOrderList,
  getOrderList,
  listListedTasks,
  listOrderLists,
  recallOrderList,
  removeListItem,
  submitOrderList,
  updateListItem,
} from '@/lib/lists/service';
import { actorWith, makeOrganization } from '../support/fixtures';
import { caught, uniq } from '../support/lifecycle';

const NOW = new Date('2027-05-10T03:00:00Z');
const YEAR = 2031; // a plan year of this file alone, so other files' proposals never show up as candidates

let staff: Actor;
let admin: Actor;
let org: Actor;
let evaluator: Actor;
let directOrgId: string;
let callId: string;

/**
 * A needs proposal the identification council recommended. The council's own journey is tested in
 * identification.test.ts; here the proposal is submitted for real and its conclusion written as the council's
 * conclusion writes it.
 */
async function recommended(method: 'SELECTION' | 'DIRECT' = 'SELECTION') {
  const d = await createNeeds(
    org,
    {
      callId,
      title: `Ứng dụng công nghệ sinh học trong bảo quản thủy sản ${uniq()}`,
      field: 'AGRICULTURAL',
      problem: 'Tổn thất sau thu hoạch thủy sản còn cao.',
      objectives: 'Giảm tổn thất sau thu hoạch thủy sản.',
      expectedResults: 'Quy trình bảo quản; mô hình trình diễn.',
      applyingUnits: 'Các cơ sở chế biến thủy sản',
      durationMonths: 18,
      budgetEstimate: '1.500.000.000',
    },
    NOW,
  );
  await submitNeeds(org, { needsId: d.needsId, version: d.version }, NOW);
  await prisma.needsProposal.update({
    where: { id: d.needsId },
    data: {
      status: 'RECOMMENDED',
      version: { increment: 1 },
      recommendedMethod: method,
      recommendedDirectOrgId: method === 'DIRECT' ? directOrgId : null,
      refinedTitle: `Bảo quản thủy sản sau thu hoạch bằng chế phẩm sinh học ${uniq()}`,
      refinedObjectives: 'Giảm 30% tổn thất sau thu hoạch.',
      refinedProducts: 'Quy trình bảo quản; 02 mô hình.',
    },
  });
  return d.needsId;
}

async function newList(by: Actor = staff) {
  const { listId } = await createOrderList(by, { planYear: YEAR, title: `Danh mục nhiệm vụ đề nghị đặt hàng năm ${YEAR} ${uniq()}` });
  return listId;
}

const listRow = (id: string) => prisma.orderList.findUniqueOrThrow({ where: { id } });
const needsRow = (id: string) => prisma.needsProposal.findUniqueOrThrow({ where: { id } });
/** A list's items in the order their needs proposals were created. */
const items = (listId: string) =>
  prisma.listedTask.findMany({ where: { listId }, orderBy: [{ needsProposal: { createdAt: 'asc' } }, { id: 'asc' }] });

/** A submitted list with the given needs proposals; returns its id and version. */
async function submittedList(needsIds: string[]) {
  const listId = await newList();
  const { version } = await addListItems(staff, { listId, version: 1, needsIds });
  const sent = await submitOrderList(staff, { listId, version, letterNumber: '123/TTr-SKHCN' }, NOW);
  return { listId, version: sent.version };
}

const urgent = (overrides: Record<string, unknown> = {}) => ({
  planYear: YEAR,
  title: `Nghiên cứu xử lý sự cố sạt lở bờ biển khẩn cấp ${uniq()}`,
  field: 'ENGINEERING',
  objectives: 'Đề xuất giải pháp khẩn cấp chống sạt lở bờ biển.',
  products: 'Báo cáo giải pháp; thiết kế công trình thí điểm.',
  method: 'DIRECT',
  directOrganizationId: directOrgId,
  directReason: 'Đơn vị duy nhất có số liệu quan trắc bờ biển của tỉnh.',
  durationMonths: 12,
  budgetEstimate: '900.000.000',
  decisionNumber: '456/QĐ-UBND',
  decisionDate: '2031-03-02',
  ...overrides,
});

beforeAll(async () => {
  [staff, admin, evaluator] = await Promise.all([actorWith('DEPARTMENT_STAFF'), actorWith('DEPARTMENT_ADMIN'), actorWith('EVALUATOR')]);
  org = await actorWith('ORGANIZATION');
  directOrgId = (await makeOrganization()).id;
  ({ callId } = await createCall(staff, {
    kind: 'NEEDS',
    title: `Đợt đề xuất đặt hàng năm ${YEAR} ${uniq()}`,
    year: YEAR,
    opensAt: '2027-04-01T08:00',
    closesAt: '2027-06-30T17:00',
  }));
});

describe('assembling the list', () => {
  it('adds recommended proposals with the council’s refined content and method; edits and removes while a draft', async () => {
    const [a, b] = [await recommended(), await recommended('DIRECT')];
    const listId = await newList();
    const page = await getOrderList(staff, listId);
    expect(page.candidates.map((c) => c.id)).toEqual(expect.arrayContaining([a, b]));
    expect(page.actions).toEqual(['submit']);

    const added = await addListItems(staff, { listId, version: 1, needsIds: [a, b] });
    expect(added).toMatchObject({ added: 2, version: 2 });
    const [ia, ib] = await items(listId);
    const na = await needsRow(a);
    expect(ia).toMatchObject({
      status: 'PROPOSED',
      title: na.refinedTitle,
      objectives: na.refinedObjectives,
      method: 'SELECTION',
      code: null,
    });
    expect(ib).toMatchObject({ method: 'DIRECT', directOrganizationId: directOrgId });
    // A proposal on a list is no longer a candidate, and cannot be added twice.
    expect((await getOrderList(staff, listId)).candidates.map((c) => c.id)).not.toContain(a);
    const twice = await caught<ValidationError>(addListItems(staff, { listId, version: 2, needsIds: [a] }));
    expect(twice.fieldErrors.needsIds).toEqual(['validation.needsNotRecommended']);

    const edited = await updateListItem(staff, {
      itemId: ia.id,
      version: 1,
      title: 'Bảo quản thủy sản sau thu hoạch bằng chế phẩm sinh học bản địa',
      field: 'AGRICULTURAL',
      objectives: 'Giảm ít nhất 30% tổn thất sau thu hoạch ở các cơ sở áp dụng.',
      products: 'Quy trình bảo quản; 02 mô hình trình diễn.',
      method: 'SELECTION',
      durationMonths: 24,
      budgetEstimate: '1.800.000.000',
    });
    expect(edited.version).toBe(2);
    expect((await items(listId))[0]).toMatchObject({
      title: 'Bảo quản thủy sản sau thu hoạch bằng chế phẩm sinh học bản địa',
      budgetEstimate: 1_800_000_000n,
    });
    // An edit naming the old version is refused with "reload".
    const stale = await caught<ConflictError>(updateListItem(staff, { itemId: ia.id, version: 1, ...urgent(), method: 'SELECTION' }));
    expect(stale.messageKey).toBe('staleRecord');

    const v = (await listRow(listId)).version;
    await removeListItem(staff, { listId, version: v, itemId: ib.id });
    expect((await items(listId)).map((i) => i.id)).toEqual([ia.id]);
    expect(await needsRow(b)).toMatchObject({ status: 'RECOMMENDED' });
    expect((await getOrderList(staff, listId)).candidates.map((c) => c.id)).toContain(b);
  });

  it('refuses bad input on the field and a proposal that is not recommended or of another year; nothing is stored', async () => {
    const listId = await newList();
    const a = await recommended('DIRECT');
    await addListItems(staff, { listId, version: 1, needsIds: [a] });
    const [item] = await items(listId);
    const bad = await caught<ValidationError>(
      updateListItem(staff, {
        itemId: item.id,
        version: 1,
        title: 'ngắn',
        objectives: '',
        products: 'x',
        method: 'DIRECT',
        durationMonths: 99,
      }),
    );
    expect(Object.keys(bad.fieldErrors).sort()).toEqual([
      'directOrganizationId',
      'directReason',
      'durationMonths',
      'objectives',
      'products',
      'title',
    ]);
    const inactive = await makeOrganization('DISABLED');
    const disabled = await caught<ValidationError>(
      updateListItem(staff, { itemId: item.id, version: 1, ...urgent({ directOrganizationId: inactive.id }) }),
    );
    expect(disabled.fieldErrors.directOrganizationId).toEqual(['validation.choose']);
    expect((await items(listId))[0]).toMatchObject({ version: 1, title: item.title });

    const d = await createNeeds(org, { callId, title: `Phiếu nháp chưa gửi của tổ chức ${uniq()}` }, NOW);
    const draft = await caught<ValidationError>(addListItems(staff, { listId, version: 2, needsIds: [d.needsId] }));
    expect(draft.fieldErrors.needsIds).toEqual(['validation.needsNotRecommended']);
    const other = await createOrderList(staff, { planYear: YEAR + 1, title: `Danh mục năm sau để kiểm thử ${uniq()}` });
    const wrongYear = await caught<ValidationError>(
      addListItems(staff, { listId: other.listId, version: 1, needsIds: [await recommended()] }),
    );
    expect(wrongYear.fieldErrors.needsIds).toEqual(['validation.needsNotRecommended']);
    expect(await prisma.listedTask.count({ where: { listId: other.listId } })).toBe(0);
    expect((await caught<ValidationError>(createOrderList(staff, { planYear: 1999, title: 'x' }))).fieldErrors).toMatchObject({
      planYear: expect.any(Array),
      title: expect.any(Array),
    });
  });

  it('an empty list cannot be sent; a sent list cannot be edited until it is taken back', async () => {
    const listId = await newList();
    expect((await caught<ValidationError>(submitOrderList(staff, { listId, version: 1 }, NOW))).messageKey).toBe('listEmpty');
    const a = await recommended();
    const { version } = await addListItems(staff, { listId, version: 1, needsIds: [a] });
    const sent = await submitOrderList(staff, { listId, version, letterNumber: '88/TTr-SKHCN' }, NOW);
    expect(await listRow(listId)).toMatchObject({ status: 'SUBMITTED', letterNumber: '88/TTr-SKHCN', submittedAt: NOW });
    const [item] = await items(listId);
    expect((await caught<ValidationError>(removeListItem(staff, { listId, version: sent.version, itemId: item.id }))).messageKey).toBe(
      'listNotDraft',
    );
    const back = await recallOrderList(staff, { listId, version: sent.version });
    expect(back.status).toBe('DRAFT');
    await removeListItem(staff, { listId, version: back.version, itemId: item.id });
    expect(await items(listId)).toEqual([]);
  });
});

describe("recording UBND's decision", () => {
  it('lists the approved items with a DM code and the decision, strikes the others; the needs proposals follow', async () => {
    const [a, b, c] = [await recommended(), await recommended('DIRECT'), await recommended()];
    const { listId, version } = await submittedList([a, b, c]);
    const [ia, ib, ic] = await items(listId);
    expect((await caught(decideOrderList(staff, { listId, version, decisionNumber: '1/QĐ-UBND', decisionDate: '2031-01-15' }))).code).toBe(
      'FORBIDDEN',
    );
    const noNote = await caught<ValidationError>(
      decideOrderList(admin, { listId, version, decisionNumber: '1/QĐ-UBND', decisionDate: '2031-01-15', struckIds: [ic.id] }),
    );
    expect(noNote.fieldErrors.struckNote).toEqual(['validation.struckNote']);
    expect(await listRow(listId)).toMatchObject({ status: 'SUBMITTED', version });

    const decided = await decideOrderList(
      admin,
      {
        listId,
        version,
        decisionNumber: '1234/QĐ-UBND',
        decisionDate: '2031-01-15',
        struckIds: [ic.id],
        struckNote: 'Trùng với nhiệm vụ cấp bộ đang thực hiện.',
      },
      NOW,
    );
    expect(decided).toMatchObject({ listed: 2, struck: 1 });
    expect(await listRow(listId)).toMatchObject({
      status: 'DECIDED',
      decisionNumber: '1234/QĐ-UBND',
      decisionDate: new Date('2031-01-15'),
    });
    const [la, lb, lc] = await Promise.all([ia, ib, ic].map((i) => prisma.listedTask.findUniqueOrThrow({ where: { id: i.id } })));
    expect(la).toMatchObject({
      status: 'LISTED',
      decisionNumber: '1234/QĐ-UBND',
      code: expect.stringMatching(new RegExp(`^DM-${YEAR}-\\d{3}$`)),
    });
    expect(lb).toMatchObject({ status: 'LISTED', method: 'DIRECT', directOrganizationId: directOrgId });
    expect(lc).toMatchObject({ status: 'STRUCK', code: null, struckReason: 'Trùng với nhiệm vụ cấp bộ đang thực hiện.' });
    expect(la.code).not.toBe(lb.code);
    expect(await needsRow(a)).toMatchObject({ status: 'LISTED' });
    expect(await needsRow(c)).toMatchObject({ status: 'STRUCK' });
    expect(await prisma.notification.count({ where: { userId: org.id, kind: 'needsListed' } })).toBeGreaterThanOrEqual(2);
    expect(await prisma.notification.count({ where: { userId: org.id, kind: 'needsStruck' } })).toBeGreaterThanOrEqual(1);
    const audit = await prisma.auditEvent.findMany({
      where: { entityType: 'OrderList', entityId: listId },
      orderBy: { id: 'asc' },
      select: { action: true },
    });
    expect(audit.map((e) => e.action)).toEqual(['list.create', 'list.addItems', 'list.submit', 'list.decide']);

    // The listed tasks are in the department's list; a decided list is final.
    const listed = await listListedTasks(staff, { year: YEAR });
    expect(listed.rows.map((r) => r.id)).toEqual(expect.arrayContaining([la.id, lb.id]));
    expect(listed.rows.map((r) => r.id)).not.toContain(lc.id);
    const again = await caught<ValidationError>(
      decideOrderList(admin, { listId, version: decided.version, decisionNumber: '2/QĐ-UBND', decisionDate: '2031-02-01' }),
    );
    expect(again.messageKey).toBe('transitionNotAllowed');
  });

  it('two leaders recording the decision at once: one wins, the other is told to reload', async () => {
    const { listId, version } = await submittedList([await recommended(), await recommended()]);
    const results = await Promise.allSettled([
      decideOrderList(admin, { listId, version, decisionNumber: '10/QĐ-UBND', decisionDate: '2031-01-20' }),
      decideOrderList(admin, { listId, version, decisionNumber: '11/QĐ-UBND', decisionDate: '2031-01-21' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect((lost.reason as ConflictError).messageKey).toBe('staleRecord');
    const codes = (await items(listId)).map((i) => i.code);
    expect(new Set(codes).size).toBe(2);
    expect(await prisma.auditEvent.count({ where: { entityType: 'OrderList', entityId: listId, action: 'list.decide' } })).toBe(1);
  });

  it('refuses striking every item, or an item of another list', async () => {
    const { listId, version } = await submittedList([await recommended()]);
    const [item] = await items(listId);
    const all = await caught<ValidationError>(
      decideOrderList(admin, {
        listId,
        version,
        decisionNumber: '3/QĐ-UBND',
        decisionDate: '2031-01-20',
        struckIds: [item.id],
        struckNote: 'Không phù hợp.',
      }),
    );
    expect(all.fieldErrors.struckIds).toEqual(['validation.allStruck']);
    const other = await submittedList([await recommended()]);
    const [foreign] = await items(other.listId);
    const wrong = await caught<ValidationError>(
      decideOrderList(admin, {
        listId,
        version,
        decisionNumber: '3/QĐ-UBND',
        decisionDate: '2031-01-20',
        struckIds: [foreign.id],
        struckNote: 'Không phù hợp.',
      }),
    );
    expect(wrong.fieldErrors.struckIds).toEqual(['validation.choose']);
    expect(await listRow(listId)).toMatchObject({ status: 'SUBMITTED', version });
  });
});

describe('urgent tasks and access', () => {
  it('the leader lists an urgent task by its own decision; staff may not; bad input is refused on the field', async () => {
    const created = await createUrgentListedTask(admin, urgent());
    expect(created.code).toMatch(new RegExp(`^DM-${YEAR}-\\d{3}$`));
    expect(await prisma.listedTask.findUniqueOrThrow({ where: { id: created.listedTaskId } })).toMatchObject({
      status: 'LISTED',
      urgent: true,
      listId: null,
      method: 'DIRECT',
      directOrganizationId: directOrgId,
      decisionNumber: '456/QĐ-UBND',
    });
    const before = await prisma.listedTask.count();
    expect((await caught(createUrgentListedTask(staff, urgent()))).code).toBe('FORBIDDEN');
    const bad = await caught<ValidationError>(
      createUrgentListedTask(admin, urgent({ decisionNumber: '', decisionDate: '2031-02-30', directReason: '' })),
    );
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['decisionDate', 'decisionNumber', 'directReason']);
    expect(await prisma.listedTask.count()).toBe(before);
  });

  it('organizations and evaluators can neither read nor change lists', async () => {
    const listId = await newList();
    const a = await recommended();
    for (const who of [org, evaluator]) {
      expect((await caught(listOrderLists(who))).code).toBe('FORBIDDEN');
      expect((await caught(getOrderList(who, listId))).code).toBe('FORBIDDEN');
      expect((await caught(createOrderList(who, { planYear: YEAR, title: 'Danh mục không được phép lập' }))).code).toBe('FORBIDDEN');
      expect((await caught(addListItems(who, { listId, version: 1, needsIds: [a] }))).code).toBe('FORBIDDEN');
      expect((await caught(listListedTasks(who, {}))).code).toBe('FORBIDDEN');
      expect((await caught(createUrgentListedTask(who, urgent()))).code).toBe('FORBIDDEN');
    }
    expect(await listRow(listId)).toMatchObject({ version: 1 });
    expect(await items(listId)).toEqual([]);
    expect((await caught(getOrderList(staff, 'c000000000000000000000000'))).code).toBe('NOT_FOUND');
  });
});
