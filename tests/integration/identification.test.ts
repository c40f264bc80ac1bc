// Identification councils (hội đồng tư vấn xác định nhiệm vụ, domain.md phase 1 step 2): the department forms a
// council over a batch of submitted needs proposals, each member declares and rates every proposal, the
// department concludes with the computed result. Every refusal changes nothing. Real database, real logins.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import type { Actor } from '@/lib/server/actor';
import type { ConflictError, ValidationError } from '@/lib/server/errors';
import { createCall } from '@/lib/calls/service';
import { createNeeds, getNeeds, submitNeeds, withdrawNeeds } from '@/lib/needs/service';
import {
  concludeIdentification,
  declareIdentificationConflict,
  formIdentificationCouncil,
  getIdentificationCouncil,
  getIdentificationSeat,
  identificationOptions,
  listIdentificationSeats,
  saveNeedsRating,
} from '@/lib/identification/service';
import { actorWith, makeOrganization } from '../support/fixtures';
import { caught, justBefore, makeEvaluator, positionsFor, uniq } from '../support/lifecycle';
import { recordMeeting } from '@/lib/councils/meetings';
import { generateDocument } from '@/lib/documents/service';
import { NotFoundError } from '@/lib/server/errors';
import { docxText } from '../support/zip';

const NOW = new Date('2027-05-10T03:00:00Z');

let staff: Actor;
let admin: Actor;
let orgA: Actor;
let orgB: Actor;
let directOrgId: string;
let callId: string;

const content = () => ({
  title: `Chuỗi giá trị sản phẩm OCOP từ cây dược liệu ${uniq()}`,
  field: 'AGRICULTURAL',
  problem: 'Cây dược liệu của tỉnh chưa có chuỗi liên kết tiêu thụ ổn định.',
  objectives: 'Xây dựng chuỗi giá trị dược liệu gắn với sản phẩm OCOP.',
  expectedResults: 'Quy trình trồng, sơ chế; 02 sản phẩm OCOP 3 sao.',
  applyingUnits: 'Các hợp tác xã dược liệu',
  durationMonths: 24,
  budgetEstimate: '2.000.000.000',
});

async function submitted(by: Actor, inCall = callId) {
  const d = await createNeeds(by, { callId: inCall, ...content() }, NOW);
  await submitNeeds(by, { needsId: d.needsId, version: d.version }, NOW);
  return d.needsId;
}

/** Fresh evaluators with the usual positions (chair, two reviewers, secretary, members; the fifth of seven a vice-chair). */
async function panel(n = 7) {
  const evaluators = await Promise.all(Array.from({ length: n }, () => makeEvaluator()));
  const positions = positionsFor(n).map((p, i) => (n === 7 && i === 4 ? ('VICE_CHAIR' as const) : p));
  return evaluators.map((actor, i) => ({ actor, position: positions[i] }));
}

type Panel = Awaited<ReturnType<typeof panel>>;

async function form(needsIds: string[], members: Panel, by: Actor = staff) {
  const { councilId } = await formIdentificationCouncil(by, {
    callId,
    name: `Hội đồng tư vấn xác định nhiệm vụ năm 2028 ${uniq()}`,
    needsIds,
    members: members.map((m) => ({ userId: m.actor.id, position: m.position })),
  });
  const seats = await prisma.identificationMember.findMany({ where: { councilId }, select: { id: true, userId: true } });
  const seatOf = (a: Actor) => seats.find((s) => s.userId === a.id)!.id;
  return { councilId, seatOf };
}

const needsRow = (id: string) => prisma.needsProposal.findUniqueOrThrow({ where: { id } });
const councilRow = (id: string) => prisma.identificationCouncil.findUniqueOrThrow({ where: { id } });

const YES_SELECTION = {
  recommend: 'YES',
  method: 'SELECTION',
  refinedTitle: 'Xây dựng chuỗi giá trị dược liệu gắn với sản phẩm OCOP của tỉnh',
  refinedObjectives: 'Hình thành chuỗi liên kết sản xuất, tiêu thụ dược liệu bền vững.',
  refinedProducts: 'Quy trình kỹ thuật; mô hình liên kết; 02 sản phẩm OCOP.',
};

beforeAll(async () => {
  [staff, admin] = await Promise.all([actorWith('DEPARTMENT_STAFF'), actorWith('DEPARTMENT_ADMIN')]);
  [orgA, orgB] = await Promise.all([actorWith('ORGANIZATION'), actorWith('ORGANIZATION')]);
  directOrgId = (await makeOrganization()).id;
  ({ callId } = await createCall(staff, {
    kind: 'NEEDS',
    title: `Đợt đề xuất đặt hàng năm 2028 ${uniq()}`,
    year: 2028,
    opensAt: '2027-04-01T08:00',
    closesAt: '2027-06-30T17:00',
  }));
});

describe('forming an identification council', () => {
  it('takes submitted proposals of the call, moves them under identification and tells each member', async () => {
    const [a, b] = [await submitted(orgA), await submitted(orgB)];
    const options = await identificationOptions(staff, callId);
    expect(options.needs.map((n) => n.id)).toEqual(expect.arrayContaining([a, b]));
    const members = await panel();
    const { councilId, seatOf } = await form([a, b], members);
    expect(await needsRow(a)).toMatchObject({ status: 'UNDER_IDENTIFICATION', identificationCouncilId: councilId });
    expect(await needsRow(b)).toMatchObject({ status: 'UNDER_IDENTIFICATION', identificationCouncilId: councilId });
    // No longer offered to another council, and the organization can no longer withdraw it.
    expect((await identificationOptions(staff, callId)).needs.map((n) => n.id)).not.toContain(a);
    const withdrawn = await caught<ValidationError>(withdrawNeeds(orgA, { needsId: a, version: (await needsRow(a)).version }));
    expect(withdrawn.code).toBe('VALIDATION');
    const notes = await prisma.notification.findMany({
      where: { kind: 'identificationSeatAssigned', userId: { in: members.map((m) => m.actor.id) } },
      select: { userId: true, params: true },
    });
    expect(notes).toHaveLength(7);
    expect(await prisma.identificationMember.count({ where: { councilId, position: 'VICE_CHAIR' } })).toBe(1);
    expect(notes.find((n) => n.userId === members[0].actor.id)?.params).toMatchObject({ seatId: seatOf(members[0].actor) });
    const audit = await prisma.auditEvent.findMany({ where: { entityType: 'NeedsProposal', entityId: a }, select: { action: true } });
    expect(audit.map((e) => e.action)).toContain('needs.startIdentification');
  });

  it('refuses a member from an organization that proposed in the batch, on that member, and changes nothing', async () => {
    const a = await submitted(orgA);
    const members = await panel(6);
    const insider = await makeEvaluator({ evaluatorOrganizationId: orgA.organizationId! });
    const all = [...members, { actor: insider, position: 'MEMBER' as const }];
    const error = await caught<ValidationError>(form([a], all));
    expect(error.messageKey).toBe('councilInvalid');
    expect(error.fieldErrors[`member.${insider.id}`]).toEqual(['validation.ineligible.proposerOrganization']);
    expect(await needsRow(a)).toMatchObject({ status: 'SUBMITTED', identificationCouncilId: null });
    expect(await prisma.identificationMember.count({ where: { userId: insider.id } })).toBe(0);
    // The same evaluator may sit on a council whose batch has no proposal of their organization.
    const b = await submitted(orgB);
    await form([b], all);
    expect(await prisma.identificationMember.count({ where: { userId: insider.id } })).toBe(1);
  });

  it('refuses proposals that are not submitted in that call, and a composition that breaks the rules', async () => {
    const draft = await createNeeds(orgA, { callId, ...content() }, NOW);
    const members = await panel();
    const notSubmitted = await caught<ValidationError>(form([draft.needsId], members));
    expect(notSubmitted.fieldErrors.needsIds).toEqual(['validation.needsNotSubmitted']);

    const { callId: otherCall } = await createCall(staff, {
      kind: 'NEEDS',
      title: `Đợt khác ${uniq()}`,
      year: 2028,
      opensAt: '2027-04-01T08:00',
      closesAt: '2027-06-30T17:00',
    });
    const elsewhere = await submitted(orgA, otherCall);
    expect((await caught<ValidationError>(form([elsewhere], members))).fieldErrors.needsIds).toEqual(['validation.needsNotSubmitted']);

    const a = await submitted(orgA);
    const twoChairs = members.map((m, i) => ({ ...m, position: i < 2 ? ('CHAIR' as const) : m.position }));
    expect((await caught<ValidationError>(form([a], twoChairs))).fieldErrors.members).toContain('validation.council.chairCount');
    expect((await caught<ValidationError>(form([a], members.slice(0, 3)))).fieldErrors.members).toContain('validation.council.size');
    expect(await needsRow(a)).toMatchObject({ status: 'SUBMITTED' });
    expect(await needsRow(elsewhere)).toMatchObject({ status: 'SUBMITTED' });
  });

  it('only the department forms one; an organization or an evaluator is refused', async () => {
    const a = await submitted(orgA);
    const members = await panel();
    expect((await caught(form([a], members, orgA))).code).toBe('FORBIDDEN');
    expect((await caught(form([a], members, members[0].actor))).code).toBe('FORBIDDEN');
    expect((await caught(identificationOptions(orgA, callId))).code).toBe('FORBIDDEN');
    expect(await needsRow(a)).toMatchObject({ status: 'SUBMITTED' });
  });
});

describe('a member declares, then rates each proposal', () => {
  it('sees only names before the declaration, the content after; a draft rating is saved, a submitted one is locked', async () => {
    const a = await submitted(orgA);
    const members = await panel();
    const { seatOf } = await form([a], members);
    const me = members[1].actor;
    const seat = seatOf(me);

    const before = await getIdentificationSeat(me, seat);
    expect(before.proposals[0]).toMatchObject({ id: a });
    expect(before.proposals[0]).not.toHaveProperty('problem');
    const early = await caught(saveNeedsRating(me, { memberId: seat, needsId: a, ...YES_SELECTION }));
    expect(early).toMatchObject({ code: 'FORBIDDEN', messageKey: 'declareFirst' });

    await declareIdentificationConflict(me, { memberId: seat, hasConflict: false });
    expect(
      (await caught<ValidationError>(declareIdentificationConflict(me, { memberId: seat, hasConflict: true, reason: 'Đổi ý sau' })))
        .messageKey,
    ).toBe('alreadyDeclared');
    const after = await getIdentificationSeat(me, seat);
    expect(after.proposals[0]).toMatchObject({ id: a, problem: expect.any(String), ratings: [] });

    // An incomplete submission is refused on its fields; a draft may be partial.
    const incomplete = await caught<ValidationError>(saveNeedsRating(me, { memberId: seat, needsId: a, submit: true, recommend: 'YES' }));
    expect(Object.keys(incomplete.fieldErrors).sort()).toEqual(['method', 'refinedObjectives', 'refinedProducts', 'refinedTitle']);
    const direct = await caught<ValidationError>(
      saveNeedsRating(me, { memberId: seat, needsId: a, submit: true, ...YES_SELECTION, method: 'DIRECT' }),
    );
    expect(Object.keys(direct.fieldErrors).sort()).toEqual(['directOrganizationId', 'directReason']);
    expect(await prisma.needsRating.count({ where: { memberId: seat } })).toBe(0);

    expect(await saveNeedsRating(me, { memberId: seat, needsId: a, recommend: 'YES', refinedTitle: 'Tên tạm' })).toMatchObject({
      status: 'DRAFT',
    });
    expect(await saveNeedsRating(me, { memberId: seat, needsId: a, submit: true, ...YES_SELECTION })).toMatchObject({
      status: 'SUBMITTED',
    });
    const locked = await caught<ValidationError>(saveNeedsRating(me, { memberId: seat, needsId: a, recommend: 'NO' }));
    expect(locked.messageKey).toBe('ballotLocked');
    expect(await prisma.needsRating.findFirstOrThrow({ where: { memberId: seat } })).toMatchObject({
      status: 'SUBMITTED',
      recommend: true,
      method: 'SELECTION',
      refinedTitle: YES_SELECTION.refinedTitle,
    });
    expect((await listIdentificationSeats(me)).map((s) => s.id)).toEqual([seat]);
  });

  it('a recused member sees nothing of the content and cannot rate; another evaluator or member gets 404', async () => {
    const a = await submitted(orgA);
    const members = await panel();
    const { seatOf } = await form([a], members);
    const [recused, colleague] = [members[2].actor, members[3].actor];
    await declareIdentificationConflict(recused, {
      memberId: seatOf(recused),
      hasConflict: true,
      reason: 'Tôi từng cộng tác với tổ chức đề xuất.',
    });
    expect((await getIdentificationSeat(recused, seatOf(recused))).proposals).toEqual([]);
    expect((await caught(saveNeedsRating(recused, { memberId: seatOf(recused), needsId: a, recommend: 'NO' }))).code).toBe('FORBIDDEN');
    expect(await prisma.notification.count({ where: { kind: 'identificationMemberRecused', userId: staff.id } })).toBeGreaterThan(0);

    const outsider = await makeEvaluator();
    for (const who of [colleague, outsider, staff, orgA]) {
      expect((await caught(getIdentificationSeat(who, seatOf(recused)))).code).toBe('NOT_FOUND');
      expect((await caught(declareIdentificationConflict(who, { memberId: seatOf(members[4].actor), hasConflict: false }))).code).toBe(
        'NOT_FOUND',
      );
    }
    expect(await prisma.identificationMember.findUniqueOrThrow({ where: { id: seatOf(members[4].actor) } })).toMatchObject({
      conflictStatus: 'PENDING',
    });
    // A proposal outside the member's council is 404 too.
    const b = await submitted(orgB);
    await declareIdentificationConflict(colleague, { memberId: seatOf(colleague), hasConflict: false });
    expect((await caught(saveNeedsRating(colleague, { memberId: seatOf(colleague), needsId: b, ...YES_SELECTION }))).code).toBe(
      'NOT_FOUND',
    );
  });
});

/** Records a meeting of an identification council: every member not recused attends but `absent`, the chair presides. */
async function meet(councilId: string, opts: { absent?: string[]; heldAt?: string; place?: string; presidingUserId?: string } = {}) {
  const seats = await prisma.identificationMember.findMany({
    where: { councilId, conflictStatus: { not: 'CONFLICT' } },
    select: { userId: true, position: true },
  });
  const absent = new Set(opts.absent ?? []);
  return recordMeeting(staff, {
    target: 'identification',
    councilId,
    heldAt: opts.heldAt ?? justBefore(),
    place: opts.place ?? 'Phòng họp tầng 3, Sở KH&CN',
    online: false,
    presidingUserId: opts.presidingUserId ?? seats.find((m) => m.position === 'CHAIR')!.userId,
    attendance: seats.map((m) => ({ userId: m.userId, present: !absent.has(m.userId), online: false })),
  });
}

describe('concluding a council', () => {
  async function vote(members: Panel, seatOf: (a: Actor) => string, needsId: string, votes: Record<string, unknown>[]) {
    for (const [i, v] of votes.entries()) {
      const me = members[i].actor;
      const s = await prisma.identificationMember.findUniqueOrThrow({ where: { id: seatOf(me) }, select: { conflictStatus: true } });
      if (s.conflictStatus === 'PENDING') await declareIdentificationConflict(me, { memberId: seatOf(me), hasConflict: false });
      await saveNeedsRating(me, { memberId: seatOf(me), needsId, submit: true, ...v });
    }
  }

  it('is refused until every proposal has a valid result, then recommends or not by majority, with the method', async () => {
    const [a, b, c] = [await submitted(orgA), await submitted(orgB), await submitted(orgB)];
    const members = await panel();
    const { councilId, seatOf } = await form([a, b, c], members);
    const DIRECT = {
      ...YES_SELECTION,
      method: 'DIRECT',
      directOrganizationId: directOrgId,
      directReason: 'Đơn vị duy nhất có phòng thí nghiệm đạt chuẩn.',
    };
    // a: 5 of 5 say yes, 3 of them direct → direct assignment to the named organization.
    await vote(members, seatOf, a, [DIRECT, DIRECT, DIRECT, YES_SELECTION, YES_SELECTION]);
    // b: 2 yes, 3 no → not recommended.
    await vote(members, seatOf, b, [YES_SELECTION, YES_SELECTION, { recommend: 'NO' }, { recommend: 'NO' }, { recommend: 'NO' }]);
    // c: only 4 votes of 7: below the quorum of two thirds. Member 6 declares but does not rate.
    await vote(members, seatOf, c, [YES_SELECTION, YES_SELECTION, YES_SELECTION, YES_SELECTION]);
    await declareIdentificationConflict(members[5].actor, { memberId: seatOf(members[5].actor), hasConflict: false });

    const page = await getIdentificationCouncil(staff, councilId);
    expect(page.canConclude).toBe(false);
    expect(page.undecided).toBe(1);
    const v = (await councilRow(councilId)).version;
    const early = await caught<ValidationError>(concludeIdentification(staff, { councilId, version: v }));
    expect(early).toMatchObject({ messageKey: 'identificationIncomplete', params: { count: 1 } });
    expect(await needsRow(a)).toMatchObject({ status: 'UNDER_IDENTIFICATION' });

    await vote(members.slice(4), seatOf, c, [{ recommend: 'NO' }]);
    // Every result is there, but the council has not met: no conclusion yet.
    expect((await getIdentificationCouncil(staff, councilId)).canConclude).toBe(false);
    expect((await caught<ValidationError>(concludeIdentification(staff, { councilId, version: v }))).messageKey).toBe('meetingNotValid');
    // Bad meeting records change nothing: in the future, nowhere, presided by a member, a member left out.
    const seats = await prisma.identificationMember.findMany({ where: { councilId }, select: { userId: true, position: true } });
    const plain = seats.find((m) => m.position === 'MEMBER')!.userId;
    const reviewer = seats.find((m) => m.position === 'REVIEWER')!.userId;
    expect((await caught<ValidationError>(meet(councilId, { heldAt: '2099-01-01T08:00' }))).fieldErrors.heldAt).toEqual([
      'validation.meetingInFuture',
    ]);
    expect((await caught<ValidationError>(meet(councilId, { place: '' }))).fieldErrors.place).toEqual(['validation.meetingPlace']);
    expect((await caught<ValidationError>(meet(councilId, { presidingUserId: plain }))).fieldErrors.presidingUserId).toEqual([
      'validation.meetingPresiding',
    ]);
    const partial = await caught<ValidationError>(
      recordMeeting(staff, {
        target: 'identification',
        councilId,
        heldAt: justBefore(),
        place: 'Phòng họp',
        online: false,
        presidingUserId: seats.find((m) => m.position === 'CHAIR')!.userId,
        attendance: seats.slice(1).map((m) => ({ userId: m.userId, present: true, online: false })),
      }),
    );
    expect(partial.fieldErrors.attendance).toEqual(['validation.meetingAttendance']);
    expect(await prisma.councilMeeting.count({ where: { identificationCouncilId: councilId } })).toBe(0);
    // A meeting without a reviewer happened, and is kept, but is not valid.
    expect(await meet(councilId, { absent: [reviewer] })).toMatchObject({ valid: false });
    expect((await caught<ValidationError>(concludeIdentification(staff, { councilId, version: v }))).messageKey).toBe('meetingNotValid');
    expect(await meet(councilId)).toMatchObject({ valid: true });
    const ready = await getIdentificationCouncil(staff, councilId);
    expect(ready.meetings.map((m) => m.check.valid)).toEqual([false, true]);
    expect(ready.canConclude).toBe(true);
    expect(ready.proposals.find((p) => p.id === a)?.result).toMatchObject({
      outcome: 'RECOMMEND',
      method: 'DIRECT',
      directOrganizationId: directOrgId,
    });

    const result = await concludeIdentification(staff, { councilId, version: v });
    expect(result).toMatchObject({ recommended: 2, notRecommended: 1 });
    expect(await needsRow(a)).toMatchObject({
      status: 'RECOMMENDED',
      recommendedMethod: 'DIRECT',
      recommendedDirectOrgId: directOrgId,
      refinedTitle: YES_SELECTION.refinedTitle,
    });
    expect(await needsRow(b)).toMatchObject({ status: 'NOT_RECOMMENDED', recommendedMethod: null });
    expect(await needsRow(c)).toMatchObject({ status: 'RECOMMENDED', recommendedMethod: 'SELECTION', recommendedDirectOrgId: null });
    expect(await councilRow(councilId)).toMatchObject({ status: 'CLOSED', version: v + 1 });
    // The council's decision and minutes, read back from the .docx: members, proposals, attendance and the count.
    const { name } = await councilRow(councilId);
    const decision = docxText((await generateDocument(staff, 'identification-decision', councilId)).buffer);
    expect(decision).toContain(`Điều 1. Thành lập ${name} gồm các ông (bà) có tên sau:`);
    for (const m of members) expect(decision).toContain(m.actor.name);
    for (const id of [a, b, c]) expect(decision).toContain((await needsRow(id)).title);
    const minutes = docxText((await generateDocument(staff, 'identification-minutes', councilId)).buffer);
    const directName = (await prisma.organization.findUniqueOrThrow({ where: { id: directOrgId } })).name;
    expect(minutes).toContain('Có mặt 7/7 thành viên hội đồng.');
    expect(minutes).toContain('Phòng họp tầng 3, Sở KH&CN');
    expect(minutes).toContain(`Đề nghị đặt hàng; phương thức giao trực tiếp: ${directName}`);
    expect(minutes).toContain('Không đề nghị đặt hàng');
    expect(minutes).toContain('Đề nghị đặt hàng; phương thức tuyển chọn');
    for (const count of ['5/5', '2/5', '4/5']) expect(minutes).toContain(count);
    // The department's alone: the proposing organization and a member of the council get a 404 for both.
    for (const who of [orgA, members[0].actor])
      for (const kind of ['identification-decision', 'identification-minutes'])
        expect(await caught(generateDocument(who, kind, councilId))).toBeInstanceOf(NotFoundError);
    // The organizations are told, and see the outcome on their proposal.
    expect(await prisma.notification.count({ where: { kind: 'needsRecommended', userId: orgA.id } })).toBeGreaterThan(0);
    expect(await prisma.notification.count({ where: { kind: 'needsNotRecommended', userId: orgB.id } })).toBeGreaterThan(0);
    expect((await getNeeds(orgA, a)).status).toBe('RECOMMENDED');
    // Closed: no more ratings, no second conclusion.
    const late = await caught<ValidationError>(
      saveNeedsRating(members[5].actor, { memberId: seatOf(members[5].actor), needsId: a, recommend: 'NO' }),
    );
    expect(late.messageKey).toBe('councilClosed');
    const again = await caught<ValidationError>(concludeIdentification(staff, { councilId, version: v + 1 }));
    expect(again.messageKey).toBe('councilClosed');
    const audit = await prisma.auditEvent.findMany({
      where: { entityType: 'IdentificationCouncil', entityId: councilId },
      orderBy: { id: 'asc' },
      select: { action: true },
    });
    expect(audit.map((e) => e.action)).toEqual(['identification.form', 'council.meeting', 'council.meeting', 'identification.conclude']);
  });

  it('two staff concluding at once: one wins, the other is told to reload; an organization may not conclude', async () => {
    const a = await submitted(orgA);
    const members = await panel(5);
    const { councilId, seatOf } = await form([a], members);
    await vote(members, seatOf, a, [YES_SELECTION, YES_SELECTION, YES_SELECTION, { recommend: 'NO' }]);
    await meet(councilId);
    const v = (await councilRow(councilId)).version;
    expect((await caught(concludeIdentification(orgA, { councilId, version: v }))).code).toBe('FORBIDDEN');
    expect((await caught(getIdentificationCouncil(members[0].actor, councilId))).code).toBe('FORBIDDEN');
    const results = await Promise.allSettled([
      concludeIdentification(staff, { councilId, version: v }),
      concludeIdentification(admin, { councilId, version: v }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect((lost.reason as ConflictError).messageKey).toBe('staleRecord');
    const events = await prisma.auditEvent.count({ where: { entityType: 'NeedsProposal', entityId: a, action: 'needs.recommend' } });
    expect(events).toBe(1);
  });
});
