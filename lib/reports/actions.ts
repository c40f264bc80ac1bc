'use server';
import { runAction } from '@/lib/server/action';
import { decideExtension, requestExtension, reviewProgressReport, submitProgressReport } from './service';

export async function submitProgressReportAction(input: unknown) {
  return runAction((actor) => submitProgressReport(actor, input));
}
export async function reviewProgressReportAction(input: unknown) {
  return runAction((actor) => reviewProgressReport(actor, input));
}
export async function requestExtensionAction(input: unknown) {
  return runAction((actor) => requestExtension(actor, input));
}
export async function decideExtensionAction(input: unknown) {
  return runAction((actor) => decideExtension(actor, input));
}
