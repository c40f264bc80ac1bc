// Dossiers for listed tasks (domain.md phase 2 step 4): the department puts listed tasks to a selection notice;
// any eligible organization registers a dossier for a task put to selection, only the named organization for a
// direct assignment; one live dossier per organization and task; competitors learn nothing of each other.
// Real database, real logins.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import type { Actor } from '@/lib/server/actor';
import type { ValidationError } from '@/lib/server/errors';
import { createCall } from '@/lib/calls/service';
import { createDraft, getTaskDossier, submitTask, updateDraft, withdrawTask } from '@/lib/tasks/service';
import { uploadAttachment } from '@/lib/attachments/service';
import { createUrgentListedTask, listOpenableListedTasks, openListedTasks } from '@/lib/lists/service';
import { listOpenListedTasks } from '@/lib/lists/dossiers';
import { actorWith } from '../support/fixtures';
import { caught, fullContent, pdf, uniq, versionOf } from '../support/lifecycle';

const YEAR = 2032;
const NOW = new Date();

let staff: Actor;
let admin: Actor;
let orgA: Actor;
let orgB: Actor;
let evaluator: Actor;
let noticeId: string;

async function notice(opens = -1, closes = 30) {
  const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);
  const { callId } = await createCall(staff, {
    kind: 'SELECTION',
    title: `Thông báo tuyển chọn, giao trực tiếp nhiệm vụ năm ${YEAR} ${uniq()}`,
    year: YEAR,
    opensAt: at(opens),
    closesAt: at(closes),
  });
  return callId;
}

/** A listed task (urgent, so no list is needed), open in the notice. */
async function openListed(method: 'SELECTION' | 'DIRECT', directTo?: Actor, callId = noticeId) {
  const { listedTaskId } = await createUrgentListedTask(admin, {
    planYear: YEAR,
    title: `Nhiệm vụ đặt hàng kiểm thử ${uniq()}`,
    field: 'ENGINEERING',
    objectives: 'Mục tiêu của nhiệm vụ đặt hàng kiểm thử.',
    products: 'Sản phẩm của nhiệm vụ đặt hàng kiểm thử.',
    method,
    directOrganizationId: directTo?.organizationId ?? '',
    directReason: method === 'DIRECT' ? 'Tổ chức duy nhất có năng lực thực hiện.' : '',
    decisionNumber: '77/QĐ-UBND',
    decisionDate: `${YEAR - 1}-12-01`,
  });
  await openListedTasks(staff, { callId, listedTaskIds: [listedTaskId] });
  return listedTaskId;
}

const dossier = (org: Actor, listedTaskId: string | undefined, extra: Record<string, unknown> = {}) =>
  createDraft(org, fullContent({ listedTaskId, ...extra }));

beforeAll(async () => {
  [staff, admin, evaluator] = await Promise.all([actorWith('DEPARTMENT_STAFF'), actorWith('DEPARTMENT_ADMIN'), actorWith('EVALUATOR')]);
  [orgA, orgB] = await Promise.all([actorWith('ORGANIZATION'), actorWith('ORGANIZATION')]);
  noticeId = await notice();
});

describe('putting listed tasks to a selection notice', () => {
  it('opens listed tasks in a notice that has not closed; refuses a closed notice, a needs call, or a task already open', async () => {
    const { listedTaskId } = await createUrgentListedTask(admin, {
      planYear: YEAR,
      title: `Nhiệm vụ chờ đưa vào thông báo ${uniq()}`,
      objectives: 'Mục tiêu của nhiệm vụ chờ thông báo.',
      products: 'Sản phẩm của nhiệm vụ chờ thông báo.',
      method: 'SELECTION',
      decisionNumber: '78/QĐ-UBND',
      decisionDate: `${YEAR - 1}-12-02`,
    });
    expect((await listOpenableListedTasks(staff)).map((l) => l.id)).toContain(listedTaskId);
    const closed = await notice(-30, -1);
    expect(
      (await caught<ValidationError>(openListedTasks(staff, { callId: closed, listedTaskIds: [listedTaskId] }))).fieldErrors.callId,
    ).toEqual(['validation.noticeClosed']);
    const { callId: needsCall } = await createCall(staff, {
      kind: 'NEEDS',
      title: `Đợt đề xuất không dùng để tuyển chọn ${uniq()}`,
      year: YEAR,
      opensAt: '2027-01-01T08:00',
      closesAt: '2099-01-01T08:00',
    });
    expect(
      (await caught<ValidationError>(openListedTasks(staff, { callId: needsCall, listedTaskIds: [listedTaskId] }))).fieldErrors.callId,
    ).toEqual(['validation.noticeClosed']);
    expect(await prisma.listedTask.findUniqueOrThrow({ where: { id: listedTaskId } })).toMatchObject({ status: 'LISTED', callId: null });

    await openListedTasks(staff, { callId: noticeId, listedTaskIds: [listedTaskId] });
    expect(await prisma.listedTask.findUniqueOrThrow({ where: { id: listedTaskId } })).toMatchObject({ status: 'OPEN', callId: noticeId });
    const twice = await caught<ValidationError>(openListedTasks(staff, { callId: noticeId, listedTaskIds: [listedTaskId] }));
    expect(twice.fieldErrors.listedTaskIds).toEqual(['validation.listedNotAvailable']);
    for (const who of [orgA, evaluator])
      expect((await caught(openListedTasks(who, { callId: noticeId, listedTaskIds: [listedTaskId] }))).code).toBe('FORBIDDEN');
    const audit = await prisma.auditEvent.findMany({
      where: { entityType: 'ListedTask', entityId: listedTaskId },
      orderBy: { id: 'asc' },
      select: { action: true },
    });
    expect(audit.map((e) => e.action)).toEqual(['listed.listUrgent', 'listed.open']);
  });
});

describe('dossiers for listed tasks', () => {
  it('several organizations compete for a task put to selection; each dossier answers the task’s notice', async () => {
    const listed = await openListed('SELECTION');
    const a = await dossier(orgA, listed);
    const b = await dossier(orgB, listed);
    for (const id of [a.taskId, b.taskId])
      expect(await prisma.task.findUniqueOrThrow({ where: { id } })).toMatchObject({ listedTaskId: listed, callId: noticeId });
    // Each sees the task as open to it, with its own dossier, and nothing of the other's.
    const seenByB = (await listOpenListedTasks(orgB)).find((l) => l.id === listed)!;
    expect(seenByB).toMatchObject({ mayApply: true, ownDossier: { id: b.taskId } });
    expect(JSON.stringify(seenByB)).not.toContain(a.taskId);
    expect((await caught(getTaskDossier(orgB, a.taskId))).code).toBe('NOT_FOUND');
  });

  it('a direct assignment is open to the named organization only; another is refused and nothing is stored', async () => {
    const listed = await openListed('DIRECT', orgA);
    const before = await prisma.task.count({ where: { listedTaskId: listed } });
    const refused = await caught(dossier(orgB, listed));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', messageKey: 'directAssignmentOnly' });
    expect(await prisma.task.count({ where: { listedTaskId: listed } })).toBe(before);
    // Nor by moving an existing dossier onto it.
    const own = await dossier(orgB, undefined);
    const moved = await caught(updateDraft(orgB, { taskId: own.taskId, version: own.version, ...fullContent({ listedTaskId: listed }) }));
    expect(moved).toMatchObject({ code: 'FORBIDDEN', messageKey: 'directAssignmentOnly' });
    expect(await prisma.task.findUniqueOrThrow({ where: { id: own.taskId } })).toMatchObject({ listedTaskId: null, version: own.version });
    expect((await listOpenListedTasks(orgB)).find((l) => l.id === listed)).toMatchObject({ mayApply: false, ownDossier: null });

    const mine = await dossier(orgA, listed);
    expect(await prisma.task.findUniqueOrThrow({ where: { id: mine.taskId } })).toMatchObject({ listedTaskId: listed, callId: noticeId });
    expect((await listOpenListedTasks(orgA)).find((l) => l.id === listed)).toMatchObject({
      mayApply: true,
      ownDossier: { id: mine.taskId },
    });
  });

  it('one live dossier per organization and task: a second is refused on the field, allowed after withdrawing the first', async () => {
    const listed = await openListed('SELECTION');
    const first = await dossier(orgA, listed);
    const second = await caught<ValidationError>(dossier(orgA, listed));
    expect(second.fieldErrors.listedTaskId).toEqual(['validation.dossierExists']);
    await withdrawTask(orgA, { taskId: first.taskId, version: first.version, reason: 'Tổ chức đăng ký lại hồ sơ mới.' });
    const again = await dossier(orgA, listed);
    expect(await prisma.task.findUniqueOrThrow({ where: { id: again.taskId } })).toMatchObject({ listedTaskId: listed, status: 'DRAFT' });
  });

  it('a task that is not open receives no dossier; a dossier in a notice over listed tasks must name one to be submitted', async () => {
    const { listedTaskId: notOpen } = await createUrgentListedTask(admin, {
      planYear: YEAR,
      title: `Nhiệm vụ chưa đưa vào thông báo ${uniq()}`,
      objectives: 'Mục tiêu của nhiệm vụ chưa thông báo.',
      products: 'Sản phẩm của nhiệm vụ chưa thông báo.',
      method: 'SELECTION',
      decisionNumber: '79/QĐ-UBND',
      decisionDate: `${YEAR - 1}-12-03`,
    });
    expect((await caught<ValidationError>(dossier(orgA, notOpen))).fieldErrors.listedTaskId).toEqual(['validation.listedNotOpen']);

    await openListed('SELECTION');
    const loose = await dossier(orgB, undefined, { callId: noticeId });
    await uploadAttachment(orgB, { taskId: loose.taskId, kind: 'PROPOSAL_DOC', fileName: 'thuyet-minh.pdf', bytes: pdf() });
    const refused = await caught<ValidationError>(submitTask(orgB, { taskId: loose.taskId, version: await versionOf(loose.taskId) }, NOW));
    expect(refused.messageKey).toBe('submissionIncomplete');
    expect(refused.fieldErrors.listedTaskId).toEqual(['validation.chooseListedTask']);

    const listed = await openListed('SELECTION');
    await updateDraft(orgB, { taskId: loose.taskId, version: await versionOf(loose.taskId), ...fullContent({ listedTaskId: listed }) });
    const sent = await submitTask(orgB, { taskId: loose.taskId, version: await versionOf(loose.taskId) }, NOW);
    expect(sent.status).toBe('PROPOSED');
  });
});
