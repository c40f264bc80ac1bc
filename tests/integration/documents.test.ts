// The documents the department issues (domain.md, "Documents the department issues"), generated from real
// records driven through the real services: each file is unzipped and its word/document.xml read back, and the
// fields checked against the record. Then who may get which document: the department all; the host organization
// what is addressed to it and the blank form, never minutes or a ballot; an evaluator the blank form and their own
// ballot; another organization and an outside evaluator nothing (404 for every one).
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { NotFoundError } from '@/lib/server/errors';
import type { Actor } from '@/lib/server/actor';
import { recordLiquidation } from '@/lib/after-acceptance/service';
import { createCall } from '@/lib/calls/service';
import { createNeeds, submitNeeds } from '@/lib/needs/service';
import { addListItems, createOrderList, submitOrderList } from '@/lib/lists/service';
import { decideExtension, requestExtension } from '@/lib/reports/service';
import { documentResponse, generateDocument, seatDocuments, taskDocuments, type DocumentKind } from '@/lib/documents/service';
import { actorWith } from '../support/fixtures';
import { caught, Journey, makeCast, makeEvaluator, uniq, type Cast } from '../support/lifecycle';
import { docxText } from '../support/zip';

const PLAN_YEAR = 2034; // this file's own plan year: no other file's needs proposals on its list
const NOW = new Date('2033-05-10T03:00:00Z');

let cast: Cast;
let org: Actor;
let otherOrg: Actor;
let outsider: Actor;
let accepted: Journey;
let running: Journey;
let extensionId: string;
let listId: string;
let listTitle: string;
let needsTitle: string;
const ids = {} as { proposalCouncil: string; acceptanceCouncil: string; ownBallot: string; othersBallot: string; seatEvaluator: Actor };

async function text(actor: Actor, kind: DocumentKind, id: string) {
  return docxText((await generateDocument(actor, kind, id)).buffer);
}

beforeAll(async () => {
  cast = await makeCast();
  [org, otherOrg, outsider] = await Promise.all([actorWith('ORGANIZATION'), actorWith('ORGANIZATION'), makeEvaluator()]);

  accepted = await Journey.start(cast, org);
  await accepted.driveTo('ACCEPTED');
  await recordLiquidation(
    cast.staff,
    {
      taskId: accepted.taskId,
      recordNo: `TL-${uniq()}`,
      liquidatedOn: '2028-09-05',
      disbursed: '1.200.000.000',
      spent: '1.150.000.000',
      refunded: '50.000.000',
      note: '',
    },
    new Date('2028-10-01T03:00:00Z'),
  );

  running = await Journey.start(cast, org);
  await running.driveTo('RUNNING');
  extensionId = (
    await requestExtension(
      org,
      { taskId: running.taskId, requestedEndDate: '2028-12-31', reason: 'Chậm tiến độ do thời tiết bất thường.' },
      new Date('2028-03-01T02:00:00Z'),
    )
  ).requestId;
  await decideExtension(cast.admin, { requestId: extensionId, version: await running.version(), approve: true });

  const councils = await prisma.council.findMany({
    where: { taskId: accepted.taskId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, stage: true },
  });
  ids.proposalCouncil = councils.find((c) => c.stage === 'PROPOSAL')!.id;
  ids.acceptanceCouncil = councils.find((c) => c.stage === 'ACCEPTANCE')!.id;
  const seats = await prisma.councilMember.findMany({
    where: { councilId: ids.proposalCouncil },
    orderBy: { createdAt: 'asc' },
    select: { id: true, userId: true },
  });
  ids.seatEvaluator = cast.evaluators.find((e) => e.id === seats[0].userId)!;
  ids.ownBallot = seats[0].id;
  ids.othersBallot = seats[1].id;

  // The list to UBND: one needs proposal the identification council recommended (its conclusion written as
  // identification.test.ts checks it is written), put on a list and sent with its letter number.
  const { callId } = await createCall(cast.staff, {
    kind: 'NEEDS',
    title: `Đợt đề xuất đặt hàng năm ${PLAN_YEAR} ${uniq()}`,
    year: PLAN_YEAR,
    opensAt: '2033-04-01T08:00',
    closesAt: '2033-06-30T17:00',
  });
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
  needsTitle = `Bảo quản thủy sản sau thu hoạch bằng chế phẩm sinh học ${uniq()}`;
  await prisma.needsProposal.update({
    where: { id: d.needsId },
    data: {
      status: 'RECOMMENDED',
      version: { increment: 1 },
      recommendedMethod: 'SELECTION',
      refinedTitle: needsTitle,
      refinedObjectives: 'Giảm 30% tổn thất sau thu hoạch.',
      refinedProducts: 'Quy trình bảo quản; 02 mô hình.',
    },
  });
  listTitle = `Danh mục nhiệm vụ đề nghị đặt hàng năm ${PLAN_YEAR} ${uniq()}`;
  ({ listId } = await createOrderList(cast.staff, { planYear: PLAN_YEAR, title: listTitle }));
  const { version } = await addListItems(cast.staff, { listId, version: 1, needsIds: [d.needsId] });
  await submitOrderList(cast.staff, { listId, version, letterNumber: '77/TTr-SKHCN' }, NOW);
}, 180_000);

const HEADER = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'UBND TỈNH AN PHÚ', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ'];

describe('each document, read back from the generated file', () => {
  it('the approval decision: its number, date, budget and duration from the task, the leader who approved it', async () => {
    const t = await prisma.task.findUniqueOrThrow({ where: { id: accepted.taskId }, include: { hostOrganization: true } });
    const doc = await text(cast.staff, 'approval-decision', accepted.taskId);
    for (const s of HEADER) expect(doc).toContain(s);
    expect(doc).toContain(`Số: ${t.approvalDecisionNo}`);
    expect(doc).toContain('An Phú, ngày 05 tháng 01 năm 2027');
    expect(doc).toContain('Kinh phí từ ngân sách nhà nước: 1.400.000.000 đồng');
    expect(doc).toContain('Thời gian thực hiện: 18 tháng');
    expect(doc).toContain(`${t.code} - ${t.title}`);
    expect(doc).toContain(`Tổ chức chủ trì: ${t.hostOrganization.name}`);
    expect(doc).toContain(`Chủ nhiệm nhiệm vụ: ${t.piName}`);
    expect(doc).toContain('Nơi nhận:');
    expect(doc).toContain(cast.admin.name);
  });

  it('the recognition decision: number, date and grade', async () => {
    const t = await prisma.task.findUniqueOrThrow({ where: { id: accepted.taskId } });
    const doc = await text(org, 'recognition-decision', accepted.taskId);
    expect(doc).toContain(`Số: ${t.acceptanceDecisionNo}`);
    expect(doc).toContain('An Phú, ngày 01 tháng 8 năm 2028');
    expect(doc).toContain('Về việc công nhận kết quả thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh');
    expect(doc).toContain('Kết quả đánh giá: Xuất sắc');
  });

  it('the liquidation record: record number, date, contract and the money', async () => {
    const l = await prisma.liquidation.findUniqueOrThrow({ where: { taskId: accepted.taskId }, include: { task: true } });
    const doc = await text(org, 'liquidation-record', accepted.taskId);
    expect(doc).toContain(`Số: ${l.recordNo}/BB-SKHCN`);
    expect(doc).toContain('An Phú, ngày 05 tháng 9 năm 2028');
    expect(doc).toContain(`Hợp đồng số ${l.task.contractNo} ký ngày 10 tháng 01 năm 2027`);
    expect(doc).toMatch(/Kinh phí đã cấp\n1\.200\.000\.000 đồng/);
    expect(doc).toMatch(/Kinh phí đã sử dụng\n1\.150\.000\.000 đồng/);
    expect(doc).toMatch(/Kinh phí phải nộp trả ngân sách nhà nước\n50\.000\.000 đồng/);
  });

  it('the extension decision: the old and new end dates and the reason', async () => {
    const doc = await text(org, 'extension-decision', extensionId);
    expect(doc).toContain('Về việc gia hạn thời gian thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh');
    expect(doc).toMatch(/Thời gian kết thúc theo hợp đồng: 30\/06\/2028/);
    expect(doc).toMatch(/Thời gian kết thúc sau gia hạn: 31\/12\/2028/);
    expect(doc).toContain('Lý do: Chậm tiến độ do thời tiết bất thường.');
    expect(doc).toContain(cast.admin.name);
  });

  it('the council formation decision: every member with their place on the council', async () => {
    const members = await prisma.councilMember.findMany({ where: { councilId: ids.proposalCouncil }, include: { user: true } });
    const doc = await text(cast.staff, 'council-decision', ids.proposalCouncil);
    expect(doc).toContain('Về việc thành lập Hội đồng tư vấn tuyển chọn, giao trực tiếp');
    expect(doc).toContain('Số: ....../QĐ-SKHCN');
    for (const m of members) expect(doc).toContain(m.user.name);
    expect(doc).toContain('Chủ tịch hội đồng');
    expect(doc).toContain('Ủy viên phản biện');
    expect(doc).toContain('Ủy viên thư ký khoa học');
  });

  it('the evaluation form, blank and filled from a submitted ballot', async () => {
    const blank = await text(cast.staff, 'evaluation-form', ids.proposalCouncil);
    expect(blank).toContain('PHIẾU ĐÁNH GIÁ');
    expect(blank).toContain('Tính cấp thiết, tính mới');
    expect(blank).toMatch(/Tổng cộng\n100\n/);
    expect(blank).toContain('☐ Đề nghị thực hiện');
    expect(blank).not.toContain('☒');
    for (const e of cast.evaluators) expect(blank).not.toContain(e.name);

    const ballot = await prisma.ballot.findUniqueOrThrow({ where: { memberId: ids.ownBallot } });
    const filled = await text(ids.seatEvaluator, 'ballot', ids.ownBallot);
    expect(filled).toContain(`Họ và tên thành viên hội đồng: ${ids.seatEvaluator.name}`);
    expect(filled).toMatch(new RegExp(`Tổng cộng\\n100\\n${ballot.totalScore}`));
    expect(filled).toContain('☒ Đề nghị thực hiện');

    const acceptanceBlank = await text(ids.seatEvaluator, 'evaluation-form', ids.acceptanceCouncil);
    expect(acceptanceBlank).toContain('Hội đồng đánh giá, nghiệm thu');
    expect(acceptanceBlank).toContain('Hệ thống cảm biến giám sát');
  });

  it('the minutes: the meeting, each member’s attendance and the vote count', async () => {
    const doc = await text(cast.staff, 'minutes', ids.proposalCouncil);
    expect(doc).toContain('Họp Hội đồng tư vấn tuyển chọn, giao trực tiếp và kiểm phiếu');
    expect(doc).toContain('Phòng họp Sở Khoa học và Công nghệ');
    expect(doc).toContain('Có mặt 7/7 thành viên hội đồng.');
    expect(doc).toContain('Số phiếu phát ra: 7; số phiếu thu về hợp lệ: 7.');
    expect(doc).toContain('Điểm trung bình: 80,00 / 100 (điểm đạt: 70).');
    expect(doc).toContain('Số phiếu đề nghị thực hiện (kể cả có chỉnh sửa): 7/7.');

    const acceptance = await text(cast.staff, 'minutes', ids.acceptanceCouncil);
    expect(acceptance).toContain('Họp Hội đồng đánh giá, nghiệm thu và kiểm phiếu');
    expect(acceptance).toContain('Xuất sắc: 7; Đạt: 0; Không đạt: 0.');
    expect(acceptance).toContain('Kết quả đánh giá của hội đồng: Xuất sắc.');
  });

  it('the list proposed to UBND: its letter, date and items', async () => {
    const doc = await text(cast.staff, 'order-list', listId);
    expect(doc).toContain('DANH MỤC NHIỆM VỤ ĐỀ NGHỊ ĐẶT HÀNG');
    expect(doc).toContain('Số: 77/TTr-SKHCN');
    expect(doc).toContain('An Phú, ngày 10 tháng 5 năm 2033');
    expect(doc).toContain(`thực hiện từ năm ${PLAN_YEAR}`);
    expect(doc).toContain(needsTitle);
    expect(doc).toContain('Tuyển chọn');
    expect(doc).toContain('Tổng số: 1 nhiệm vụ.');
  });

  it('answers with the .docx and its Vietnamese file name', async () => {
    const res = await documentResponse(org, 'approval-decision', accepted.taskId);
    expect(res.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const disposition = res.headers.get('Content-Disposition')!;
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('Quyết định phê duyệt')}`);
    expect(docxText(Buffer.from(await res.arrayBuffer()))).toContain('QUYẾT ĐỊNH');
  });
});

describe('who gets which document', () => {
  type Who = 'staff' | 'org' | 'otherOrg' | 'seatEvaluator' | 'outsider';
  const actor = (w: Who) => ({ staff: cast.staff, org, otherOrg, seatEvaluator: ids.seatEvaluator, outsider })[w];
  const target = (k: string): [DocumentKind, string] =>
    ({
      approval: ['approval-decision', accepted.taskId],
      extension: ['extension-decision', extensionId],
      recognition: ['recognition-decision', accepted.taskId],
      liquidation: ['liquidation-record', accepted.taskId],
      blank: ['evaluation-form', ids.proposalCouncil],
      formation: ['council-decision', ids.proposalCouncil],
      minutes: ['minutes', ids.proposalCouncil],
      acceptanceMinutes: ['minutes', ids.acceptanceCouncil],
      ownBallot: ['ballot', ids.ownBallot],
      othersBallot: ['ballot', ids.othersBallot],
      list: ['order-list', listId],
    })[k] as [DocumentKind, string];
  const ALL = [
    'approval',
    'extension',
    'recognition',
    'liquidation',
    'blank',
    'formation',
    'minutes',
    'acceptanceMinutes',
    'ownBallot',
    'othersBallot',
    'list',
  ];
  const MAY: Record<Who, string[]> = {
    staff: ALL,
    // The host organization sees nothing of a council, not even its blank form.
    org: ['approval', 'extension', 'recognition', 'liquidation'],
    otherOrg: [],
    seatEvaluator: ['blank', 'ownBallot'],
    outsider: [],
  };
  for (const who of Object.keys(MAY) as Who[])
    for (const doc of ALL) {
      const ok = MAY[who].includes(doc);
      it(`${who} ${ok ? 'gets' : 'gets a 404 for'} ${doc}`, async () => {
        const [kind, id] = target(doc);
        if (ok) expect((await generateDocument(actor(who), kind, id)).buffer.length).toBeGreaterThan(1000);
        else expect(await caught(generateDocument(actor(who), kind, id))).toBeInstanceOf(NotFoundError);
      });
    }

  it('an unknown kind or a malformed id is a 404', async () => {
    expect(await caught(generateDocument(cast.staff, 'contract', accepted.taskId))).toBeInstanceOf(NotFoundError);
    expect(await caught(generateDocument(cast.staff, 'approval-decision', '../../etc'))).toBeInstanceOf(NotFoundError);
  });

  it('a document not issued yet is a 404 even for the department', async () => {
    expect(await caught(generateDocument(cast.staff, 'recognition-decision', running.taskId))).toBeInstanceOf(NotFoundError);
    expect(await caught(generateDocument(cast.staff, 'liquidation-record', running.taskId))).toBeInstanceOf(NotFoundError);
  });

  it('the pages offer exactly what the route gives', async () => {
    const kinds = async (a: Actor) => (await taskDocuments(a, accepted.taskId)).map((d) => d.kind);
    const forOrg = await kinds(org);
    expect(new Set(forOrg)).toEqual(new Set(['approval-decision', 'recognition-decision', 'liquidation-record']));
    expect(forOrg).not.toContain('minutes');
    expect(forOrg).not.toContain('ballot');
    expect(await kinds(otherOrg)).toEqual([]);
    expect(await kinds(ids.seatEvaluator)).toEqual([]);
    const forStaff = await kinds(cast.staff);
    for (const k of ['council-decision', 'minutes', 'ballot', 'approval-decision', 'recognition-decision', 'liquidation-record'])
      expect(forStaff).toContain(k);
    expect((await taskDocuments(org, running.taskId)).map((d) => d.kind)).toContain('extension-decision');
    expect((await seatDocuments(ids.seatEvaluator, ids.ownBallot)).map((d) => d.kind)).toEqual(['evaluation-form', 'ballot']);
    expect(await seatDocuments(outsider, ids.ownBallot)).toEqual([]);
    for (const who of [org, cast.staff, ids.seatEvaluator])
      for (const d of [...(await taskDocuments(who, accepted.taskId)), ...(await seatDocuments(who, ids.ownBallot))])
        await generateDocument(who, d.kind, d.id);
  });
});
