// The province's S&T programs (issue 9 item 2): the leader records them, the department reads them with their
// tasks and the budget used; needs proposals, listed tasks and dossiers name one (inherited along the way); the
// enterprise support kinds name their beneficiary and amount on submission. Every refusal stores nothing. Real
// database, real logins.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import type { Actor } from '@/lib/server/actor';
import type { ValidationError } from '@/lib/server/errors';
import { createProgram, getProgram, listProgramChoices, listPrograms, updateProgram } from '@/lib/programs/service';
import { createCall } from '@/lib/calls/service';
import { createNeeds, submitNeeds, updateNeeds } from '@/lib/needs/service';
import {
  addListItems,
  createOrderList,
  createUrgentListedTask,
  decideOrderList,
  openListedTasks,
  submitOrderList,
  updateListItem,
} from '@/lib/lists/service';
import { createDraft, submitTask, updateDraft } from '@/lib/tasks/service';
import { uploadAttachment } from '@/lib/attachments/service';
import { actorWith } from '../support/fixtures';
import { caught, fullContent, pdf, uniq } from '../support/lifecycle';

const YEAR = 2035; // a plan year of this file alone (legacy-dossiers.test.ts runs the dossier migration over 2033)

let admin: Actor;
let staff: Actor;
let org: Actor;
let evaluator: Actor;

const program = (overrides: Record<string, unknown> = {}) => ({
  code: `CT-${uniq().toUpperCase()}`,
  name: 'Chương trình hỗ trợ doanh nghiệp đổi mới công nghệ',
  startYear: 2020,
  endYear: 2100,
  goals: 'Hỗ trợ doanh nghiệp nhỏ và vừa đổi mới công nghệ.',
  budget: '60.000.000.000',
  decisionNo: '1520/QĐ-UBND',
  ...overrides,
});

/** A program running now (2020–2100), and one that ended (2001–2002). */
let runningId: string;
let endedId: string;

beforeAll(async () => {
  [admin, staff, evaluator, org] = await Promise.all([
    actorWith('DEPARTMENT_ADMIN'),
    actorWith('DEPARTMENT_STAFF'),
    actorWith('EVALUATOR'),
    actorWith('ORGANIZATION'),
  ]);
  runningId = (await createProgram(admin, program())).programId;
  endedId = (await createProgram(admin, program({ startYear: 2001, endYear: 2002 }))).programId;
});

describe('recording programs', () => {
  it('the leader creates and edits a program, each with its audit row', async () => {
    const input = program();
    const { programId, version } = await createProgram(admin, input);
    expect(version).toBe(1);
    expect(await prisma.program.findUniqueOrThrow({ where: { id: programId } })).toMatchObject({
      code: input.code,
      startYear: 2020,
      endYear: 2100,
      budget: 60_000_000_000n,
      decisionNo: '1520/QĐ-UBND',
      createdById: admin.id,
    });
    const created = await prisma.auditEvent.findMany({ where: { entityType: 'Program', entityId: programId } });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ action: 'program.create', actorId: admin.id });
    expect(created[0].after).toMatchObject({ code: input.code, budget: '60000000000' });

    const updated = await updateProgram(admin, { ...input, programId, version: 1, budget: '65.000.000.000', decisionNo: '' });
    expect(updated).toEqual({ programId, version: 2 });
    expect(await prisma.program.findUniqueOrThrow({ where: { id: programId } })).toMatchObject({
      budget: 65_000_000_000n,
      decisionNo: null,
      version: 2,
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { entityType: 'Program', entityId: programId, action: 'program.update' },
    });
    expect(audit).toMatchObject({
      actorId: admin.id,
      before: { budget: '60000000000', decisionNo: '1520/QĐ-UBND' },
      after: { budget: '65000000000', decisionNo: null },
    });
  });

  it('refuses an edit of a version someone else changed first ("reload"), and changes nothing', async () => {
    const input = program();
    const { programId } = await createProgram(admin, input);
    await updateProgram(admin, { ...input, programId, version: 1, name: 'Tên mới của chương trình thứ nhất' });
    const stale = await caught(updateProgram(admin, { ...input, programId, version: 1, name: 'Tên của người thứ hai' }));
    expect(stale).toMatchObject({ code: 'CONFLICT', messageKey: 'staleRecord' });
    expect(await prisma.program.findUniqueOrThrow({ where: { id: programId } })).toMatchObject({
      name: 'Tên mới của chương trình thứ nhất',
      version: 2,
    });
    expect(await prisma.auditEvent.count({ where: { entityId: programId, action: 'program.update' } })).toBe(1);
  });

  it('refuses bad input on its fields and stores nothing', async () => {
    const before = await prisma.program.count();
    const years = await caught<ValidationError>(createProgram(admin, program({ startYear: 2030, endYear: 2025, budget: '0' })));
    expect(years.fieldErrors).toEqual({ endYear: ['validation.endYearBeforeStart'], budget: ['validation.moneyPositive'] });
    const taken = await caught<ValidationError>(
      createProgram(admin, program({ code: (await prisma.program.findUniqueOrThrow({ where: { id: runningId } })).code })),
    );
    expect(taken.fieldErrors).toEqual({ code: ['validation.programCodeTaken'] });
    const empty = await caught<ValidationError>(createProgram(admin, {}));
    expect(Object.keys(empty.fieldErrors)).toEqual(expect.arrayContaining(['code', 'name', 'startYear', 'endYear', 'goals', 'budget']));
    expect(await prisma.program.count()).toBe(before);

    // An edit to another program's code is refused on the code too, and leaves the program as it was.
    const other = program();
    const { programId } = await createProgram(admin, other);
    const clash = await caught<ValidationError>(
      updateProgram(admin, {
        ...other,
        programId,
        version: 1,
        code: (await prisma.program.findUniqueOrThrow({ where: { id: endedId } })).code,
      }),
    );
    expect(clash.fieldErrors).toEqual({ code: ['validation.programCodeTaken'] });
    expect(await prisma.program.findUniqueOrThrow({ where: { id: programId } })).toMatchObject({ code: other.code, version: 1 });
  });

  it('lets staff read programs but not record them; organizations and evaluators read none', async () => {
    const before = await prisma.program.count();
    expect((await listPrograms(staff, {})).rows.map((r) => r.id)).toContain(runningId);
    expect((await getProgram(staff, runningId)).program.id).toBe(runningId);
    expect((await caught(createProgram(staff, program()))).code).toBe('FORBIDDEN');
    const input = program();
    const running = await prisma.program.findUniqueOrThrow({ where: { id: runningId } });
    expect(
      (await caught(updateProgram(staff, { ...input, code: running.code, programId: runningId, version: running.version }))).code,
    ).toBe('FORBIDDEN');
    for (const who of [org, evaluator]) {
      expect((await caught(listPrograms(who, {}))).code).toBe('FORBIDDEN');
      expect((await caught(getProgram(who, runningId))).code).toBe('FORBIDDEN');
      expect((await caught(createProgram(who, program()))).code).toBe('FORBIDDEN');
    }
    expect(await prisma.program.count()).toBe(before);
    expect(await prisma.program.findUniqueOrThrow({ where: { id: runningId } })).toMatchObject({ version: running.version });
    // An unknown or malformed id is a 404.
    expect((await caught(getProgram(admin, 'cl0000000000000000000000'))).code).toBe('NOT_FOUND');
    expect((await caught(getProgram(admin, '../etc'))).code).toBe('NOT_FOUND');
  });

  it('offers organizations the names of running programs only, and evaluators none', async () => {
    const choices = await listProgramChoices(org);
    expect(choices.map((c) => c.id)).toContain(runningId);
    expect(choices.map((c) => c.id)).not.toContain(endedId);
    expect(Object.keys(choices[0]).sort()).toEqual(['code', 'id', 'name']);
    // The program a record already names is offered even after it ended.
    expect((await listProgramChoices(org, endedId)).map((c) => c.id)).toContain(endedId);
    expect((await caught(listProgramChoices(evaluator))).code).toBe('FORBIDDEN');
  });
});

describe('a program’s budget used', () => {
  it('sums the approved budgets of its approved tasks onward, less the refunds of their liquidations', async () => {
    const { programId } = await createProgram(admin, program({ budget: '10.000.000.000' }));
    const host = org.organizationId!;
    const task = (status: string, approvedBudget: bigint | null) =>
      prisma.task.create({
        data: {
          title: `Nhiệm vụ của chương trình ${status} ${uniq()}`,
          year: YEAR,
          status: status as never,
          approvedBudget,
          hostOrganizationId: host,
          createdById: org.id,
          programId,
        },
        select: { id: true },
      });
    const running = await task('RUNNING', 2_000_000_000n);
    const accepted = await task('ACCEPTED', 1_500_000_000n);
    const terminated = await task('TERMINATED', 700_000_000n);
    await task('APPROVED', 300_000_000n);
    await task('UNDER_REVIEW', null);
    await task('REJECTED', null);
    await task('DRAFT', null);
    // Not this program's: never counted.
    await prisma.task.create({
      data: {
        title: 'Nhiệm vụ ngoài chương trình',
        year: YEAR,
        status: 'RUNNING',
        approvedBudget: 9_000_000_000n,
        hostOrganizationId: host,
        createdById: org.id,
      },
    });
    const liquidation = (taskId: string, refunded: bigint) =>
      prisma.liquidation.create({
        data: {
          taskId,
          recordNo: `TL-${uniq()}`,
          liquidatedOn: new Date('2033-06-30T00:00:00Z'),
          disbursed: 0n,
          spent: 0n,
          refunded,
          recordedById: staff.id,
        },
      });
    await liquidation(accepted.id, 120_000_000n);
    await liquidation(terminated.id, 450_000_000n);

    const view = await getProgram(staff, programId);
    // 2 000 + 1 500 + 700 + 300 million approved, 120 + 450 million refunded.
    expect(view.money).toEqual({
      budget: 10_000_000_000n,
      approved: 4_500_000_000n,
      refunded: 570_000_000n,
      used: 3_930_000_000n,
      remaining: 6_070_000_000n,
      share: 39.3,
    });
    expect(view.counts).toMatchObject({ tasks: 6, spending: 4, needs: 0, listedTasks: 0 });
    // Its tasks, drafts left out, each with its host, kind, status and approved budget.
    expect(view.tasks.total).toBe(6);
    expect(view.tasks.rows.find((r) => r.id === running.id)).toMatchObject({ status: 'RUNNING', approvedBudget: 2_000_000_000n });
    expect(view.tasks.rows.every((r) => r.status !== 'DRAFT')).toBe(true);
  });
});

describe('a program along the way: needs proposal → listed task → dossier', () => {
  it('a listed task inherits its needs proposal’s program, a dossier its listed task’s', async () => {
    const { callId } = await createCall(staff, {
      kind: 'NEEDS',
      title: `Đợt đề xuất đặt hàng năm ${YEAR} ${uniq()}`,
      year: YEAR,
      opensAt: '2020-01-01T08:00',
      closesAt: '2099-12-31T17:00',
    });
    const needs = await createNeeds(org, {
      callId,
      programId: runningId,
      title: `Đổi mới công nghệ đúc cho doanh nghiệp cơ khí ${uniq()}`,
      field: 'ENGINEERING',
      problem: 'Công nghệ đúc lạc hậu, tỷ lệ phế phẩm cao.',
      objectives: 'Giảm tỷ lệ phế phẩm xuống dưới 5 phần trăm.',
      expectedResults: 'Quy trình đúc mới; dây chuyền thí điểm.',
      applyingUnits: 'Các doanh nghiệp cơ khí',
      durationMonths: 18,
      budgetEstimate: '2.000.000.000',
    });
    expect(await prisma.needsProposal.findUniqueOrThrow({ where: { id: needs.needsId } })).toMatchObject({ programId: runningId });
    await submitNeeds(org, { needsId: needs.needsId, version: needs.version });
    // The identification council's conclusion (its own journey is tested in identification.test.ts).
    await prisma.needsProposal.update({
      where: { id: needs.needsId },
      data: { status: 'RECOMMENDED', version: { increment: 1 }, recommendedMethod: 'SELECTION' },
    });
    const { listId } = await createOrderList(staff, { planYear: YEAR, title: `Danh mục nhiệm vụ năm ${YEAR} ${uniq()}` });
    const added = await addListItems(staff, { listId, version: 1, needsIds: [needs.needsId] });
    const listed = await prisma.listedTask.findFirstOrThrow({ where: { listId } });
    expect(listed.programId).toBe(runningId);
    // The department may not move it to a program that has ended.
    const item = {
      itemId: listed.id,
      version: listed.version,
      title: listed.title,
      objectives: listed.objectives,
      products: listed.products,
    };
    const refused = await caught<ValidationError>(updateListItem(staff, { ...item, method: 'SELECTION', programId: endedId }));
    expect(refused.fieldErrors).toEqual({ programId: ['validation.programNotActive'] });
    expect(await prisma.listedTask.findUniqueOrThrow({ where: { id: listed.id } })).toMatchObject({ programId: runningId, version: 1 });
    const sent = await submitOrderList(staff, { listId, version: added.version });
    await decideOrderList(admin, { listId, version: sent.version, decisionNumber: '99/QĐ-UBND', decisionDate: `${YEAR - 1}-12-01` });
    const { callId: noticeId } = await createCall(staff, {
      kind: 'SELECTION',
      title: `Thông báo tuyển chọn năm ${YEAR} ${uniq()}`,
      year: YEAR,
      opensAt: '2020-01-01T08:00',
      closesAt: '2099-12-31T17:00',
    });
    await openListedTasks(staff, { callId: noticeId, listedTaskIds: [listed.id] });

    // The organization may name another program: the dossier still belongs to the listed task's.
    const other = (await createProgram(admin, program())).programId;
    const dossier = await createDraft(org, fullContent({ listedTaskId: listed.id, programId: other }));
    expect(await prisma.task.findUniqueOrThrow({ where: { id: dossier.taskId } })).toMatchObject({
      programId: runningId,
      callId: noticeId,
    });
    await updateDraft(org, {
      ...fullContent({ listedTaskId: listed.id, programId: '' }),
      taskId: dossier.taskId,
      version: dossier.version,
    });
    expect(await prisma.task.findUniqueOrThrow({ where: { id: dossier.taskId } })).toMatchObject({ programId: runningId });
  });

  it('refuses a program that does not exist or has ended, on the programId field, storing nothing', async () => {
    const { callId } = await createCall(staff, {
      kind: 'NEEDS',
      title: `Đợt đề xuất đặt hàng năm ${YEAR} ${uniq()}`,
      year: YEAR,
      opensAt: '2020-01-01T08:00',
      closesAt: '2099-12-31T17:00',
    });
    const title = `Đề xuất với chương trình đã kết thúc ${uniq()}`;
    for (const programId of [endedId, 'cl0000000000000000000000']) {
      const e = await caught<ValidationError>(createNeeds(org, { callId, title, programId }));
      expect(e.fieldErrors).toEqual({ programId: ['validation.programNotActive'] });
      const d = await caught<ValidationError>(createDraft(org, fullContent({ title, programId })));
      expect(d.fieldErrors).toEqual({ programId: ['validation.programNotActive'] });
      const u = await caught<ValidationError>(
        createUrgentListedTask(admin, {
          planYear: YEAR,
          title,
          objectives: 'Mục tiêu của nhiệm vụ đột xuất.',
          products: 'Sản phẩm của nhiệm vụ đột xuất.',
          method: 'SELECTION',
          decisionNumber: '12/QĐ-UBND',
          decisionDate: `${YEAR - 1}-12-01`,
          programId,
        }),
      );
      expect(u.fieldErrors).toEqual({ programId: ['validation.programNotActive'] });
    }
    expect(await prisma.needsProposal.count({ where: { title } })).toBe(0);
    expect(await prisma.task.count({ where: { title } })).toBe(0);
    expect(await prisma.listedTask.count({ where: { title } })).toBe(0);

    // A record that already names a program keeps it after the program ended; it may not move to an ended one.
    const needs = await createNeeds(org, { callId, title: `Đề xuất của chương trình đang thực hiện ${uniq()}`, programId: runningId });
    await prisma.needsProposal.update({ where: { id: needs.needsId }, data: { programId: endedId } });
    const kept = await updateNeeds(org, {
      needsId: needs.needsId,
      version: needs.version,
      title: `Tên đã sửa của đề xuất ${uniq()}`,
      programId: endedId,
    });
    expect(await prisma.needsProposal.findUniqueOrThrow({ where: { id: needs.needsId } })).toMatchObject({
      programId: endedId,
      version: kept.version,
    });
    const other = (await createProgram(admin, program({ startYear: 2003, endYear: 2004 }))).programId;
    const moved = await caught<ValidationError>(
      updateNeeds(org, { needsId: needs.needsId, version: kept.version, title: `Tên khác của đề xuất ${uniq()}`, programId: other }),
    );
    expect(moved.fieldErrors).toEqual({ programId: ['validation.programNotActive'] });
    expect(await prisma.needsProposal.findUniqueOrThrow({ where: { id: needs.needsId } })).toMatchObject({
      programId: endedId,
      version: kept.version,
    });

    // The same on a listed task's edit in a draft list.
    const urgent = await createUrgentListedTask(admin, {
      planYear: YEAR,
      title: `Nhiệm vụ đột xuất của chương trình ${uniq()}`,
      objectives: 'Mục tiêu của nhiệm vụ đột xuất.',
      products: 'Sản phẩm của nhiệm vụ đột xuất.',
      method: 'SELECTION',
      decisionNumber: '13/QĐ-UBND',
      decisionDate: `${YEAR - 1}-12-01`,
      programId: runningId,
    });
    expect(await prisma.listedTask.findUniqueOrThrow({ where: { id: urgent.listedTaskId } })).toMatchObject({ programId: runningId });
  });
});

describe('enterprise support projects', () => {
  const submitIt = async (taskId: string) =>
    submitTask(org, { taskId, version: (await prisma.task.findUniqueOrThrow({ where: { id: taskId } })).version });

  it('need the beneficiary and the support amount (at most the state budget) on submission; nothing stored on refusal', async () => {
    const content = fullContent({ type: 'TECH_INNOVATION', programId: runningId });
    const { taskId, version } = await createDraft(org, content);
    await uploadAttachment(org, { taskId, kind: 'PROPOSAL_DOC', fileName: 'thuyet-minh.pdf', bytes: pdf() });

    const missing = await caught<ValidationError>(submitIt(taskId));
    expect(missing.messageKey).toBe('submissionIncomplete');
    expect(missing.fieldErrors).toEqual({
      beneficiaryEnterprise: ['validation.requiredForSubmission'],
      supportAmount: ['validation.requiredForSubmission'],
    });
    expect(await prisma.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ status: 'DRAFT', version, submittedAt: null });

    // fullContent's state budget is 1 200 000 000 đồng: a support above it is refused on its field, and not saved.
    const above = await caught<ValidationError>(
      updateDraft(org, {
        ...content,
        taskId,
        version,
        beneficiaryEnterprise: 'Công ty TNHH Cơ khí Minh Phát',
        supportAmount: '1.200.000.001',
      }),
    );
    expect(above.fieldErrors).toEqual({ supportAmount: ['validation.supportAboveStateBudget'] });
    expect(await prisma.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({
      version,
      beneficiaryEnterprise: null,
      supportAmount: null,
    });

    const saved = await updateDraft(org, {
      ...content,
      taskId,
      version,
      beneficiaryEnterprise: 'Công ty TNHH Cơ khí Minh Phát',
      supportAmount: '1.200.000.000',
    });
    await submitTask(org, saved);
    expect(await prisma.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({
      status: 'PROPOSED',
      type: 'TECH_INNOVATION',
      programId: runningId,
      beneficiaryEnterprise: 'Công ty TNHH Cơ khí Minh Phát',
      supportAmount: 1_200_000_000n,
    });
  });

  it('clears the beneficiary and the amount of any other kind', async () => {
    const { taskId } = await createDraft(
      org,
      fullContent({ type: 'RESEARCH', beneficiaryEnterprise: 'Công ty không liên quan', supportAmount: '5.000.000.000' }),
    );
    expect(await prisma.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({
      type: 'RESEARCH',
      beneficiaryEnterprise: null,
      supportAmount: null,
      programId: null,
    });
  });
});
