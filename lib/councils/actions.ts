'use server';
import { defineAction } from '@/lib/server/action';
import { ZBallotInput, ZDeclareConflict, ZFormCouncil, ZReplaceMember } from './schemas';
import { declareConflict, formCouncil, replaceMember, saveBallot } from './service';

export const formCouncilAction = defineAction(ZFormCouncil, formCouncil);
export const replaceMemberAction = defineAction(ZReplaceMember, replaceMember);
export const declareConflictAction = defineAction(ZDeclareConflict, declareConflict);
export const saveBallotAction = defineAction(ZBallotInput, saveBallot);
