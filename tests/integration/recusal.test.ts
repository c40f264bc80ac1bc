// Recusal is a property of the evaluator and the task: a conflict declared on one council of a task closes every
// council of it to that evaluator, before and after (issue 6, item 1 and 2).
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { ForbiddenError, ValidationError } from '@/lib/server/errors';
import { declareConflict, getSeat, getTaskCouncils, listEvaluatorPool, replaceMember, saveBallot } from '@/lib/councils/service';
import { councilResult } from '@/lib/councils/result';
import { listNotifications } from '@/lib/notifications/service';
import { listCouncilSeats } from '@/lib/tasks/queries';
import { returnTask } from '@/lib/tasks/service';
import { caught, GOOD_VOTE, Journey, makeCast, makeEvaluator, type Cast } from '../support/lifecycle';

let cast: Cast;
beforeAll(async () => {
  cast = await makeCast(8);
});

const vote = { submit: true, recommendation: 'APPROVE', comments: 'Nhận xét', scores: { necessity: 12, feasibility: 40, results: 28 } };

describe('an evaluator recused on one council of a task', () => {
  it('cannot sit on, declare on, vote on, or read the name of a later council of the same task', async () => {
    const j = await Journey.start(cast);
    await j.submit();
    const first = await j.formCouncil('PROPOSAL', cast.evaluators.slice(0, 7));
    const recused = first.seats[6];
    await declareConflict(recused.actor, { memberId: recused.memberId, hasConflict: true, reason: 'Đồng tác giả với chủ nhiệm nhiệm vụ.' });

    // Returned and resubmitted: a new proposal council is needed.
    await returnTask(cast.staff, { ...(await j.ref()), comment: 'Bổ sung phương pháp khảo sát.' });
    await j.submit();

    // Forming the new council with the recused evaluator is refused on their row, and nothing is written.
    const refused = await caught<ValidationError>(j.formCouncil('PROPOSAL', cast.evaluators.slice(0, 7)));
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused.fieldErrors[`member.${recused.actor.id}`]).toEqual(['validation.ineligible.recused']);
    expect(await prisma.council.count({ where: { taskId: j.taskId, status: 'ACTIVE' } })).toBe(0);
    const pool = await listEvaluatorPool(cast.staff, j.taskId);
    expect(pool.find((e) => e.id === recused.actor.id)?.ineligible).toBe('recused');
    expect(pool.find((e) => e.id === cast.evaluators[0].id)?.ineligible).toBeNull();

    const second = await j.formCouncil('PROPOSAL', [...cast.evaluators.slice(0, 6), cast.evaluators[7]]);
    // A seat that exists anyway (formed before this rule, as on the reported main), with "no conflict" declared on it.
    const legacy = await prisma.councilMember.create({
      data: { councilId: second.councilId, userId: recused.actor.id, position: 'MEMBER' },
      select: { id: true },
    });

    // The declaration of "no conflict" on the later seat is refused.
    const declared = await caught<ValidationError>(declareConflict(recused.actor, { memberId: legacy.id, hasConflict: false }));
    expect(declared.messageKey).toBe('recusedOnTask');
    expect((await prisma.councilMember.findUniqueOrThrow({ where: { id: legacy.id } })).conflictStatus).toBe('PENDING');

    // Even with "no conflict" on the seat itself, the ballot is refused and nothing is stored.
    await prisma.councilMember.update({ where: { id: legacy.id }, data: { conflictStatus: 'NO_CONFLICT', declaredAt: new Date() } });
    const ballot = await caught<ForbiddenError>(saveBallot(recused.actor, { memberId: legacy.id, ...vote }));
    expect(ballot).toBeInstanceOf(ForbiddenError);
    expect(ballot.messageKey).toBe('recusedOnTask');
    expect(await prisma.ballot.count({ where: { memberId: legacy.id } })).toBe(0);

    // The quorum counts the 7 members who are not recused (the legacy seat is left out), and so does the mean.
    await j.startReview();
    await j.declareNoConflict('PROPOSAL');
    await j.voteProposal(Array(5).fill(GOOD_VOTE));
    const result = await councilResult(second.councilId);
    expect(result.quorum).toEqual({ members: 7, submitted: 5, required: 5, met: true });
    const [, panel] = await getTaskCouncils(cast.staff, j.taskId);
    expect(panel.members.find((m) => m.id === legacy.id)?.recusedOnTask).toBe(true);
    expect(panel.members.find((m) => m.user.id === cast.evaluators[0].id)?.recusedOnTask).toBe(false);

    // The task is not named to them anywhere: the later seat, the seat list, the notifications.
    const seat = await getSeat(recused.actor, legacy.id);
    expect(seat).toMatchObject({ recused: true, recusedElsewhere: true, dossierOpen: false, mayDeclare: false, others: null });
    expect(seat.seat.council.task.title).toBeNull();
    const title = (await prisma.task.findUniqueOrThrow({ where: { id: j.taskId }, select: { title: true } })).title;
    const seats = await listCouncilSeats(recused.actor);
    expect(seats.filter((s) => s.council.task.id === j.taskId)).toHaveLength(2);
    expect(JSON.stringify(seats)).not.toContain(title);
    expect(seats.filter((s) => s.council.task.id === j.taskId).every((s) => s.council.task.hostOrganization === null)).toBe(true);
    const notices = await listNotifications(recused.actor);
    expect(notices.rows.filter((n) => n.task?.id === j.taskId).length).toBeGreaterThan(0);
    expect(notices.rows.filter((n) => n.task?.id === j.taskId).every((n) => n.redacted)).toBe(true);
    expect(JSON.stringify(notices.rows)).not.toContain(title);

    // Another evaluator of the same council still sees the name.
    expect(JSON.stringify(await listNotifications(cast.evaluators[0]))).toContain(title);
  });

  it('cannot be seated as the replacement of a recused member on a later council', async () => {
    const j = await Journey.start(cast);
    await j.submit();
    const first = await j.formCouncil('PROPOSAL', cast.evaluators.slice(0, 7));
    await declareConflict(first.seats[6].actor, {
      memberId: first.seats[6].memberId,
      hasConflict: true,
      reason: 'Cùng nhóm nghiên cứu với chủ nhiệm.',
    });
    await returnTask(cast.staff, { ...(await j.ref()), comment: 'Bổ sung dự toán kinh phí.' });
    await j.submit();
    const next = [...cast.evaluators.slice(0, 5), cast.evaluators[7], await makeEvaluator()];
    const second = await j.formCouncil('PROPOSAL', next);
    const leaving = second.seats[6];
    await declareConflict(leaving.actor, {
      memberId: leaving.memberId,
      hasConflict: true,
      reason: 'Là người thân của thành viên thực hiện.',
    });
    const refused = await caught<ValidationError>(
      replaceMember(cast.staff, { memberId: leaving.memberId, userId: first.seats[6].actor.id }),
    );
    expect(refused.fieldErrors).toEqual({ userId: ['validation.ineligible.recused'] });
    expect(await prisma.councilMember.count({ where: { councilId: second.councilId } })).toBe(7);
  });
});
