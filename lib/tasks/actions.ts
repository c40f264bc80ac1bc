'use server';
import { runAction } from '@/lib/server/action';
import {
  acceptTask,
  approveTask,
  contractTask,
  createDraft,
  failTask,
  rejectTask,
  requestAcceptance,
  returnTask,
  startReview,
  submitTask,
  terminateTask,
  updateDraft,
  withdrawTask,
} from './service';

export async function createDraftAction(input: unknown) {
  return runAction((actor) => createDraft(actor, input));
}
export async function updateDraftAction(input: unknown) {
  return runAction((actor) => updateDraft(actor, input));
}
export async function submitTaskAction(input: unknown) {
  return runAction((actor) => submitTask(actor, input));
}
export async function withdrawTaskAction(input: unknown) {
  return runAction((actor) => withdrawTask(actor, input));
}
export async function returnTaskAction(input: unknown) {
  return runAction((actor) => returnTask(actor, input));
}
export async function startReviewAction(input: unknown) {
  return runAction((actor) => startReview(actor, input));
}
export async function approveTaskAction(input: unknown) {
  return runAction((actor) => approveTask(actor, input));
}
export async function rejectTaskAction(input: unknown) {
  return runAction((actor) => rejectTask(actor, input));
}
export async function contractTaskAction(input: unknown) {
  return runAction((actor) => contractTask(actor, input));
}
export async function terminateTaskAction(input: unknown) {
  return runAction((actor) => terminateTask(actor, input));
}
export async function requestAcceptanceAction(input: unknown) {
  return runAction((actor) => requestAcceptance(actor, input));
}
export async function acceptTaskAction(input: unknown) {
  return runAction((actor) => acceptTask(actor, input));
}
export async function failTaskAction(input: unknown) {
  return runAction((actor) => failTask(actor, input));
}
