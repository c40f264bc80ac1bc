// Council meetings (issue 8, item 7; domain.md "Documents the department issues"): a council's result is valid only
// after a valid meeting (2/3 of the members present, online counting, the chair or vice-chair presiding, the
// reviewers present) with the ballot quorum met. Real database, real logins.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import type { ValidationError } from '@/lib/server/errors';
import { recordMeeting } from '@/lib/councils/meetings';
import { getTaskCouncils, saveBallot } from '@/lib/councils/service';
import { actorWith } from '../support/fixtures';
import { caught, GOOD_VOTE, holdMeeting, Journey, justBefore, makeCast, type Cast } from '../support/lifecycle';

let cast: Cast;
beforeAll(async () => {
  cast = await makeCast(7);
});

/** A task under review whose council (chair, two reviewers, secretary, three members) voted but has not met. */
async function votedWithoutMeeting() {
  const j = await Journey.start(cast);
  await j.submit();
  const { seats } = await j.formCouncil('PROPOSAL');
  await j.declareNoConflict('PROPOSAL');
  for (const s of seats.slice(0, 6)) {
    await saveBallot(s.actor, {
      memberId: s.memberId,
      submit: true,
      recommendation: GOOD_VOTE.recommendation,
      comments: 'Nhận xét',
      scores: { necessity: GOOD_VOTE.necessity, feasibility: GOOD_VOTE.feasibility, results: GOOD_VOTE.results },
    });
  }
  await j.startReview();
  const council = await prisma.council.findFirstOrThrow({ where: { taskId: j.taskId, status: 'ACTIVE' }, select: { id: true } });
  return { j, seats, councilId: council.id };
}

describe('a decision rests on a valid meeting', () => {
  it('is refused until the council held a valid meeting; an invalid one is kept and shown with why', async () => {
    const { j, seats, councilId } = await votedWithoutMeeting();
    expect((await caught<ValidationError>(j.approve())).messageKey).toBe('meetingNotValid');

    // A reviewer absent: the meeting happened (recorded) but is not valid.
    const reviewer = seats.find((s) => s.position === 'REVIEWER')!.actor;
    expect(await holdMeeting(cast.staff, j.taskId, 'PROPOSAL', [reviewer])).toMatchObject({ valid: false, present: 6, required: 5 });
    expect((await caught<ValidationError>(j.approve())).messageKey).toBe('meetingNotValid');
    const [council] = await getTaskCouncils(cast.staff, j.taskId);
    expect(council.result.meeting).toMatchObject({ recorded: 1, valid: false });
    expect(council.meetings[0].check.problems).toEqual([{ code: 'reviewersAbsent', count: 1 }]);

    // Three absent of seven, the chair among them: too few, and no one to preside.
    const away = seats.filter((s) => s.position === 'CHAIR' || s.position === 'MEMBER').map((s) => s.actor);
    const refused = await caught<ValidationError>(holdMeeting(cast.staff, j.taskId, 'PROPOSAL', away));
    expect(refused.fieldErrors.presidingUserId).toEqual(['validation.meetingPresiding']);

    await holdMeeting(cast.staff, j.taskId, 'PROPOSAL');
    await j.approve();
    expect(await j.status()).toBe('APPROVED');
    expect(await prisma.councilMeeting.count({ where: { councilId } })).toBe(2);
    const audit = await prisma.auditEvent.findMany({
      where: { entityType: 'Council', entityId: councilId, action: 'council.meeting' },
      orderBy: { id: 'asc' },
      select: { after: true },
    });
    expect(audit.map((a) => (a.after as { valid: boolean }).valid)).toEqual([false, true]);
  });

  it('holds for the acceptance council too', async () => {
    const j = await Journey.start(cast);
    await j.driveTo('RUNNING');
    await j.requestAcceptance();
    const { seats } = await j.formCouncil('ACCEPTANCE');
    await j.declareNoConflict('ACCEPTANCE');
    for (const s of seats) {
      await saveBallot(s.actor, {
        memberId: s.memberId,
        submit: true,
        productRatings: ['PASS', 'PASS'],
        reportRating: 'PASS',
        overallRating: 'PASS',
      });
    }
    expect((await caught<ValidationError>(j.accept())).messageKey).toBe('meetingNotValid');
    await holdMeeting(cast.staff, j.taskId, 'ACCEPTANCE');
    await j.accept();
    expect(await j.status()).toBe('ACCEPTED');
  });
});

describe('recording a meeting', () => {
  it('is the department’s: an organization or an evaluator is refused, nothing stored', async () => {
    const { j, seats, councilId } = await votedWithoutMeeting();
    const input = {
      target: 'council',
      councilId,
      heldAt: justBefore(),
      place: 'Phòng họp',
      online: false,
      presidingUserId: seats[0].actor.id,
      attendance: seats.map((s) => ({ userId: s.actor.id, present: true, online: false })),
    };
    for (const who of [j.org, seats[0].actor, await actorWith('ORGANIZATION')])
      expect((await caught(recordMeeting(who, input))).code).toBe('FORBIDDEN');
    expect((await caught(recordMeeting(cast.staff, { ...input, councilId: 'c-no-such-council' }))).code).toBe('NOT_FOUND');
    // Online only needs no place; a member attending online counts.
    const online = await recordMeeting(cast.admin, {
      ...input,
      place: '',
      online: true,
      attendance: seats.map((s, i) => ({ userId: s.actor.id, present: i < 5, online: i === 1 })),
    });
    expect(online).toMatchObject({ valid: true, present: 5 });
    const stored = await prisma.councilMeeting.findFirstOrThrow({ where: { councilId }, select: { online: true, attendance: true } });
    expect(stored.online).toBe(true);
    expect(stored.attendance.filter((a) => a.present)).toHaveLength(5);
    expect(stored.attendance.filter((a) => a.online)).toHaveLength(1);
    // Once the council has closed, no more meetings.
    await j.approve();
    expect((await caught<ValidationError>(recordMeeting(cast.staff, input))).messageKey).toBe('councilClosed');
  });
});
