'use server';
import { defineAction } from '@/lib/server/action';
import { ZBallotInput, ZDeclareConflict, ZFormCouncil, ZRecordMeeting, ZReplaceMember } from './schemas';
import { recordMeeting } from './meetings';
import { declareConflict, formCouncil, replaceMember, saveBallot } from './service';

export const formCouncilAction = defineAction(ZFormCouncil, formCouncil);
export const replaceMemberAction = defineAction(ZReplaceMember, replaceMember);
export const declareConflictAction = defineAction(ZDeclareConflict, declareConflict);
export const saveBallotAction = defineAction(ZBallotInput, saveBallot);
export const recordMeetingAction = defineAction(ZRecordMeeting, (actor, input) => recordMeeting(actor, input));
