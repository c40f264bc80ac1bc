'use server';
import { runAction } from '@/lib/server/action';
import { declareConflict, formCouncil, replaceMember, saveBallot } from './service';

export async function formCouncilAction(input: unknown) {
  return runAction((actor) => formCouncil(actor, input));
}
export async function replaceMemberAction(input: unknown) {
  return runAction((actor) => replaceMember(actor, input));
}
export async function declareConflictAction(input: unknown) {
  return runAction((actor) => declareConflict(actor, input));
}
export async function saveBallotAction(input: unknown) {
  return runAction((actor) => saveBallot(actor, input));
}
