import 'server-only';
import { prisma, type Tx } from '@/lib/server/db';
import {
  acceptanceResult,
  proposalResult,
  type AcceptanceResult,
  type ProposalResult,
  type Rating,
  type Recommendation,
} from '@/lib/domain/grading';
import { acceptanceCameLate } from '@/lib/domain/deadlines';
import { getSettings } from '@/lib/settings/service';
import { notRecusedOn } from '@/lib/workflow/recusal';
import { meetingState, type MeetingRule, type MeetingState } from '@/lib/domain/meetings';
import type { Settings } from '@/lib/domain/settings';

/** The settings' attendance rule for a valid council meeting. */
export function meetingRule(settings: Settings): MeetingRule {
  return {
    numerator: settings.meetingNumerator,
    denominator: settings.meetingDenominator,
    reviewersRequired: settings.meetingReviewersRequired,
  };
}

/** The council's meetings: whether one was valid (the result is valid only then, with the quorum met). */
type WithMeeting = { meeting: MeetingState };

export type CouncilResult =
  | ({ stage: 'PROPOSAL' } & ProposalResult & { passMark: number } & WithMeeting)
  | ({ stage: 'ACCEPTANCE' } & AcceptanceResult & { late: boolean } & WithMeeting);

/**
 * The council's computed result from its submitted ballots, with the quorum counted over the members who are
 * not recused on the task. Read by the decision screens and required (quorum met) by approve/reject/accept/fail.
 */
export async function councilResult(councilId: string, db: Tx | typeof prisma = prisma): Promise<CouncilResult> {
  const settings = await getSettings(db);
  const { taskId } = await db.council.findUniqueOrThrow({ where: { id: councilId }, select: { taskId: true } });
  const council = await db.council.findUniqueOrThrow({
    where: { id: councilId },
    select: {
      stage: true,
      task: { select: { endDate: true, acceptanceRequestedAt: true } },
      // Members recused on the task (on this council or any other of it) neither count nor vote.
      members: {
        where: notRecusedOn(taskId),
        select: {
          userId: true,
          position: true,
          ballot: { select: { status: true, totalScore: true, recommendation: true, overallRating: true } },
        },
      },
      meetings: {
        orderBy: { heldAt: 'asc' },
        select: { presidingUserId: true, attendance: { select: { userId: true, present: true, online: true } } },
      },
    },
  });
  const meeting = meetingState(council.members, council.meetings, meetingRule(settings));
  const members = council.members.length;
  const submitted = council.members.map((m) => m.ballot).filter((b) => b?.status === 'SUBMITTED');
  const quorumFraction = { numerator: settings.quorumNumerator, denominator: settings.quorumDenominator };
  if (council.stage === 'PROPOSAL') {
    const ballots = submitted.map((b) => ({ totalScore: b!.totalScore ?? 0, recommendation: b!.recommendation as Recommendation }));
    return {
      stage: 'PROPOSAL',
      passMark: settings.passMark,
      meeting,
      ...proposalResult({ members, ballots, passMark: settings.passMark, quorum: quorumFraction }),
    };
  }
  const late = acceptanceCameLate(council.task, settings.acceptanceDueDays);
  return {
    stage: 'ACCEPTANCE',
    late,
    meeting,
    ...acceptanceResult({
      members,
      ratings: submitted.map((b) => b!.overallRating as Rating),
      late,
      lateDowngrade: settings.lateDowngrade,
      quorum: quorumFraction,
      grade: { numerator: settings.gradeNumerator, denominator: settings.gradeDenominator },
    }),
  };
}
