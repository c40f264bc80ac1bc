// Needs proposals (phase 1 of the department's year, domain.md): the organization drafts and submits in a needs
// call, the department returns or merges; every refusal changes nothing. Real database, real logins.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import type { Actor } from '@/lib/server/actor';
import type { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { createCall } from '@/lib/calls/service';
import {
  createNeeds,
  getNeeds,
  listMergeTargets,
  listNeeds,
  listOwnNeeds,
  mergeNeeds,
  returnNeeds,
  submitNeeds,
  updateNeeds,
  withdrawNeeds,
} from '@/lib/needs/service';
import { actorWith, makeOrganization } from '../support/fixtures';
import { caught, uniq } from '../support/lifecycle';

const NOW = new Date('2027-05-10T03:00:00Z');
const AFTER_CLOSE = new Date('2027-07-10T03:00:00Z');

let staff: Actor;
let admin: Actor;
let evaluator: Actor;
let org: Actor;
let colleague: Actor;
let otherOrg: Actor;
let needsCallId: string;
let otherNeedsCallId: string;

async function needsCall(year = 2028) {
  const { callId } = await createCall(staff, {
    kind: 'NEEDS',
    title: `Đợt đề xuất đặt hàng năm ${year} ${uniq()}`,
    year,
    opensAt: '2027-04-01T08:00',
    closesAt: '2027-06-30T17:00',
  });
  return callId;
}

const content = (overrides: Record<string, unknown> = {}) => ({
  title: `Mô hình canh tác lúa thích ứng xâm nhập mặn ${uniq()}`,
  field: 'AGRICULTURAL',
  problem: 'Xâm nhập mặn làm giảm năng suất lúa vụ đông xuân ở các huyện ven biển.',
  objectives: 'Xây dựng quy trình canh tác lúa chịu mặn phù hợp điều kiện của tỉnh.',
  expectedResults: 'Quy trình canh tác, 02 mô hình trình diễn, báo cáo khoa học tổng hợp.',
  applyingUnits: 'UBND các huyện ven biển',
  durationMonths: 24,
  budgetEstimate: '1.800.000.000',
  ...overrides,
});

async function draft(by: Actor = org, overrides: Record<string, unknown> = {}, callId = needsCallId) {
  return createNeeds(by, { callId, ...content(overrides) }, NOW);
}

async function submitted(by: Actor = org, overrides: Record<string, unknown> = {}, callId = needsCallId) {
  const d = await draft(by, overrides, callId);
  return submitNeeds(by, { needsId: d.needsId, version: d.version }, NOW);
}

const row = (needsId: string) => prisma.needsProposal.findUniqueOrThrow({ where: { id: needsId } });
const events = (needsId: string) =>
  prisma.auditEvent.findMany({
    where: { entityType: 'NeedsProposal', entityId: needsId },
    orderBy: { id: 'asc' },
    select: { action: true, actorId: true, after: true },
  });

beforeAll(async () => {
  [staff, admin, evaluator] = await Promise.all([actorWith('DEPARTMENT_STAFF'), actorWith('DEPARTMENT_ADMIN'), actorWith('EVALUATOR')]);
  const organization = await makeOrganization();
  [org, colleague, otherOrg] = await Promise.all([
    actorWith('ORGANIZATION', { organizationId: organization.id }),
    actorWith('ORGANIZATION', { organizationId: organization.id }),
    actorWith('ORGANIZATION'),
  ]);
  [needsCallId, otherNeedsCallId] = await Promise.all([needsCall(), needsCall()]);
});

describe('a needs proposal from draft to the department', () => {
  it('is drafted, submitted with a DX code, returned with a note, revised and resubmitted, each step audited', async () => {
    const d = await draft(org, { problem: '', budgetEstimate: '' });
    expect(await row(d.needsId)).toMatchObject({ status: 'DRAFT', code: null, organizationId: org.organizationId, version: 1 });

    // Incomplete: refused on the fields, nothing changes.
    const incomplete = await caught<ValidationError>(submitNeeds(org, { needsId: d.needsId, version: 1 }, NOW));
    expect(incomplete.messageKey).toBe('needsIncomplete');
    expect(Object.keys(incomplete.fieldErrors).sort()).toEqual(['budgetEstimate', 'problem']);
    expect(await row(d.needsId)).toMatchObject({ status: 'DRAFT', version: 1, code: null });

    const filled = await updateNeeds(colleague, {
      needsId: d.needsId,
      version: 1,
      ...content({ title: 'Mô hình lúa chịu mặn ven biển tỉnh An Phú' }),
    });
    expect(filled.version).toBe(2);
    const sent = await submitNeeds(org, { needsId: d.needsId, version: 2 }, NOW);
    expect(sent).toMatchObject({ status: 'SUBMITTED', version: 3 });
    const afterSubmit = await row(d.needsId);
    expect(afterSubmit.code).toMatch(/^DX-2028-\d{3}$/);
    expect(afterSubmit.submittedAt).toEqual(NOW);

    // The department sees it; a submitted proposal cannot be edited.
    expect((await listNeeds(staff, { callId: needsCallId })).rows.map((r) => r.id)).toContain(d.needsId);
    expect((await caught<ValidationError>(updateNeeds(org, { needsId: d.needsId, version: 3, ...content() }))).messageKey).toBe(
      'notEditable',
    );

    await returnNeeds(staff, { needsId: d.needsId, version: 3, note: 'Đề nghị nêu rõ các xã dự kiến áp dụng mô hình.' });
    expect(await row(d.needsId)).toMatchObject({
      status: 'RETURNED',
      returnNote: 'Đề nghị nêu rõ các xã dự kiến áp dụng mô hình.',
      version: 4,
    });
    const notes = await prisma.notification.findMany({ where: { kind: 'needsReturned', userId: { in: [org.id, colleague.id] } } });
    expect(
      notes
        .filter((n) => (n.params as { needsId: string }).needsId === d.needsId)
        .map((n) => n.userId)
        .sort(),
    ).toEqual([org.id, colleague.id].sort());

    await updateNeeds(org, {
      needsId: d.needsId,
      version: 4,
      ...content({ title: 'Mô hình lúa chịu mặn ven biển tỉnh An Phú', applyingUnits: 'UBND các xã Tân Hải, Phước An' }),
    });
    const resent = await submitNeeds(org, { needsId: d.needsId, version: 5 }, NOW);
    expect(resent.status).toBe('SUBMITTED');
    const final = await row(d.needsId);
    expect(final.code).toBe(afterSubmit.code); // resubmission keeps the code
    expect(final.returnNote).toBeNull();

    expect((await events(d.needsId)).map((e) => e.action)).toEqual([
      'needs.create',
      'needs.update',
      'needs.submit',
      'needs.return',
      'needs.update',
      'needs.resubmit',
    ]);
  });

  it('gives codes in sequence per plan year', async () => {
    const a = await submitted();
    const b = await submitted();
    const [ca, cb] = [(await row(a.needsId)).code!, (await row(b.needsId)).code!];
    expect(Number(cb.slice(-3)) - Number(ca.slice(-3))).toBe(1);
  });

  it('may be withdrawn by its organization before the department decides, and then is final', async () => {
    const s = await submitted();
    await withdrawNeeds(org, { needsId: s.needsId, version: s.version });
    expect((await row(s.needsId)).status).toBe('WITHDRAWN');
    const again = await caught<ValidationError>(submitNeeds(org, { needsId: s.needsId, version: s.version + 1 }, NOW));
    expect(again.messageKey).toBe('transitionNotAllowed');
  });
});

describe('the needs call decides when proposals are taken', () => {
  it('refuses a new proposal or a submission after the call closed, and a proposal in a selection notice', async () => {
    const closed = await caught<ValidationError>(createNeeds(org, { callId: needsCallId, ...content() }, AFTER_CLOSE));
    expect(closed.messageKey).toBe('needsCallClosed');
    const d = await draft();
    const late = await caught<ValidationError>(submitNeeds(org, { needsId: d.needsId, version: d.version }, AFTER_CLOSE));
    expect(late.messageKey).toBe('needsCallClosed');
    expect(await row(d.needsId)).toMatchObject({ status: 'DRAFT', code: null, version: 1 });

    const { callId: selection } = await createCall(staff, {
      title: `Thông báo tuyển chọn ${uniq()}`,
      year: 2028,
      opensAt: '2027-04-01T08:00',
      closesAt: '2027-06-30T17:00',
    });
    const wrongKind = await caught<ValidationError>(createNeeds(org, { callId: selection, ...content() }, NOW));
    expect(wrongKind.fieldErrors).toEqual({ callId: ['validation.choose'] });
  });

  it('refuses bad input on the field and stores nothing', async () => {
    const before = await prisma.needsProposal.count({ where: { organizationId: org.organizationId! } });
    const bad = await caught<ValidationError>(
      createNeeds(org, { callId: needsCallId, title: 'ngắn', durationMonths: 99, budgetEstimate: '12abc' }, NOW),
    );
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['budgetEstimate', 'durationMonths', 'title']);
    expect(await prisma.needsProposal.count({ where: { organizationId: org.organizationId! } })).toBe(before);
  });
});

describe('who may see and touch a needs proposal', () => {
  it('another organization gets 404 for reading, editing, submitting and withdrawing; nothing changes', async () => {
    const d = await draft();
    expect(await caught<NotFoundError>(getNeeds(otherOrg, d.needsId))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await caught<NotFoundError>(updateNeeds(otherOrg, { needsId: d.needsId, version: 1, ...content() }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await caught<NotFoundError>(submitNeeds(otherOrg, { needsId: d.needsId, version: 1 }, NOW))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await caught<NotFoundError>(withdrawNeeds(otherOrg, { needsId: d.needsId, version: 1 }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await listOwnNeeds(otherOrg)).rows.map((r) => r.id)).not.toContain(d.needsId);
    expect(await row(d.needsId)).toMatchObject({ status: 'DRAFT', version: 1 });
  });

  it('an evaluator sees none and may do nothing; the department cannot draft one', async () => {
    const s = await submitted();
    expect(await caught<NotFoundError>(getNeeds(evaluator, s.needsId))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await caught<ForbiddenError>(listNeeds(evaluator, {}))).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await caught<NotFoundError>(returnNeeds(evaluator, { needsId: s.needsId, version: s.version, note: 'Bổ sung nội dung' })),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await caught<ForbiddenError>(createNeeds(staff, { callId: needsCallId, ...content() }, NOW))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('the organization cannot return or merge its own proposal; the department cannot submit or withdraw it', async () => {
    const s = await submitted();
    const target = await submitted(otherOrg);
    expect(await caught<ForbiddenError>(returnNeeds(org, { needsId: s.needsId, version: s.version, note: 'Tự trả lại' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await caught<ForbiddenError>(mergeNeeds(org, { needsId: s.needsId, version: s.version, intoId: target.needsId }))).toMatchObject(
      { code: 'FORBIDDEN' },
    );
    expect(await caught<ForbiddenError>(withdrawNeeds(staff, { needsId: s.needsId, version: s.version }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await row(s.needsId)).toMatchObject({ status: 'SUBMITTED', version: s.version });
  });

  it('an organization waiting for verification cannot propose', async () => {
    const pending = await makeOrganization('PENDING');
    const waiting = await actorWith('ORGANIZATION', { organizationId: pending.id });
    expect((await caught<ForbiddenError>(createNeeds(waiting, { callId: needsCallId, ...content() }, NOW))).messageKey).toBe(
      'organizationNotVerified',
    );
  });
});

describe('merging duplicates', () => {
  it('merges into a proposal of the same call; the merged one keeps the link and its organization is told', async () => {
    const keep = await submitted(otherOrg);
    const dup = await submitted();
    expect((await listMergeTargets(staff, dup.needsId)).map((t) => t.id)).toContain(keep.needsId);
    await mergeNeeds(admin, { needsId: dup.needsId, version: dup.version, intoId: keep.needsId });
    expect(await row(dup.needsId)).toMatchObject({ status: 'MERGED', mergedIntoId: keep.needsId });
    const absorbing = await getNeeds(staff, keep.needsId);
    expect(absorbing.absorbed.map((a) => a.id)).toEqual([dup.needsId]);
    const told = await prisma.notification.findMany({ where: { kind: 'needsMerged', userId: org.id } });
    expect(told.some((n) => (n.params as { needsId: string }).needsId === dup.needsId)).toBe(true);
    // The organization whose proposal was absorbed sees where it went, not the other organization's proposal.
    expect((await getNeeds(org, dup.needsId)).mergedInto?.id).toBe(keep.needsId);
    expect(await caught<NotFoundError>(getNeeds(org, keep.needsId))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a merge into itself, into another call, or into a merged or withdrawn proposal', async () => {
    const a = await submitted();
    const inOtherCall = await submitted(org, {}, otherNeedsCallId);
    const self = await caught<ValidationError>(mergeNeeds(staff, { needsId: a.needsId, version: a.version, intoId: a.needsId }));
    expect(self.fieldErrors).toEqual({ intoId: ['validation.mergeIntoItself'] });
    const across = await caught<ValidationError>(
      mergeNeeds(staff, { needsId: a.needsId, version: a.version, intoId: inOtherCall.needsId }),
    );
    expect(across.fieldErrors).toEqual({ intoId: ['validation.mergeTarget'] });
    const gone = await submitted();
    await withdrawNeeds(org, { needsId: gone.needsId, version: gone.version });
    const intoWithdrawn = await caught<ValidationError>(
      mergeNeeds(staff, { needsId: a.needsId, version: a.version, intoId: gone.needsId }),
    );
    expect(intoWithdrawn.fieldErrors).toEqual({ intoId: ['validation.mergeTarget'] });
    expect(await row(a.needsId)).toMatchObject({ status: 'SUBMITTED', mergedIntoId: null, version: a.version });
  });
});

describe('concurrent changes', () => {
  it('two staff acting on the same proposal at once: one wins, the other is told to reload', async () => {
    const s = await submitted();
    const target = await submitted(otherOrg);
    const results = await Promise.allSettled([
      returnNeeds(staff, { needsId: s.needsId, version: s.version, note: 'Bổ sung kinh phí dự kiến theo từng nội dung.' }),
      mergeNeeds(admin, { needsId: s.needsId, version: s.version, intoId: target.needsId }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0].reason as ConflictError).messageKey).toBe('staleRecord');
    expect((await row(s.needsId)).version).toBe(s.version + 1);
    expect((await events(s.needsId)).filter((e) => e.action === 'needs.return' || e.action === 'needs.merge')).toHaveLength(1);
  });

  it('an edit naming an old version is refused with "reload" and changes nothing', async () => {
    const d = await draft();
    await updateNeeds(org, { needsId: d.needsId, version: 1, ...content({ title: 'Phiên bản thứ hai của phiếu đề xuất' }) });
    const stale = await caught<ConflictError>(
      updateNeeds(colleague, { needsId: d.needsId, version: 1, ...content({ title: 'Ghi đè bản cũ của phiếu' }) }),
    );
    expect(stale.messageKey).toBe('staleRecord');
    expect((await row(d.needsId)).title).toBe('Phiên bản thứ hai của phiếu đề xuất');
  });
});

// ---------------------------------------------------------------------------------------------------------
// The access matrix of needs proposals: every action against every role and relationship. A refusal is 404
// outside the actor's scope and 403 for the wrong role, and changes nothing (row, audit, notifications).
// ---------------------------------------------------------------------------------------------------------
type Who = 'admin' | 'staff' | 'own' | 'other' | 'evaluator';
const WHO: Who[] = ['admin', 'staff', 'own', 'other', 'evaluator'];
type Outcome = 'ok' | '404' | '403';
const people = (): Record<Who, Actor> => ({ admin, staff, own: org, other: otherOrg, evaluator });

type Scene = { needsId: string; version: number };
const ACTIONS: Record<string, { on: 'DRAFT' | 'SUBMITTED'; run: (a: Actor, s: Scene) => Promise<unknown>; row: Outcome[] }> = {
  //                                                                     admin  staff  own   other  evaluator
  getNeeds: { on: 'SUBMITTED', run: (a, s) => getNeeds(a, s.needsId), row: ['ok', 'ok', 'ok', '404', '404'] },
  updateNeeds: {
    on: 'DRAFT',
    run: (a, s) => updateNeeds(a, { ...s, ...content() }),
    row: ['403', '403', 'ok', '404', '403'],
  },
  submitNeeds: { on: 'DRAFT', run: (a, s) => submitNeeds(a, s, NOW), row: ['403', '403', 'ok', '404', '404'] },
  withdrawNeeds: { on: 'SUBMITTED', run: (a, s) => withdrawNeeds(a, s), row: ['403', '403', 'ok', '404', '404'] },
  returnNeeds: {
    on: 'SUBMITTED',
    run: (a, s) => returnNeeds(a, { ...s, note: 'Bổ sung nội dung.' }),
    row: ['ok', 'ok', '403', '404', '404'],
  },
  mergeNeeds: {
    on: 'SUBMITTED',
    run: async (a, s) => mergeNeeds(a, { ...s, intoId: (await submitted(otherOrg)).needsId }),
    row: ['ok', 'ok', '403', '404', '404'],
  },
  listMergeTargets: { on: 'SUBMITTED', run: (a, s) => listMergeTargets(a, s.needsId), row: ['ok', 'ok', '403', '403', '403'] },
  listNeeds: { on: 'SUBMITTED', run: (a) => listNeeds(a, {}), row: ['ok', 'ok', '403', '403', '403'] },
};

async function needsFingerprint(needsId: string) {
  const [needs, audit, notes] = await Promise.all([
    prisma.needsProposal.findUniqueOrThrow({
      where: { id: needsId },
      select: { status: true, version: true, title: true, updatedAt: true },
    }),
    prisma.auditEvent.count({ where: { entityType: 'NeedsProposal', entityId: needsId } }),
    prisma.notification.count({ where: { kind: { in: ['needsReturned', 'needsMerged'] } } }),
  ]);
  return { needs, audit, notes };
}

describe('needs proposals: access matrix', () => {
  for (const [what, action] of Object.entries(ACTIONS)) {
    WHO.forEach((who, i) => {
      const outcome = action.row[i];
      it(`${what} by ${who}: ${outcome}`, async () => {
        const scene: Scene = action.on === 'DRAFT' ? await draft() : await submitted();
        const actor = people()[who];
        if (outcome === 'ok') {
          await action.run(actor, scene);
          return;
        }
        const before = await needsFingerprint(scene.needsId);
        const error = await caught(action.run(actor, scene));
        expect(error).toMatchObject({ code: outcome === '404' ? 'NOT_FOUND' : 'FORBIDDEN' });
        expect(await needsFingerprint(scene.needsId)).toEqual(before);
      });
    });
  }
});
