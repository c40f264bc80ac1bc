'use server';
import { defineAction } from '@/lib/server/action';
import { ZExtensionDecision, ZExtensionRequest, ZProgressReport, ZReviewReport } from './schemas';
import { decideExtension, requestExtension, reviewProgressReport, submitProgressReport } from './service';

export const submitProgressReportAction = defineAction(ZProgressReport, submitProgressReport);
export const reviewProgressReportAction = defineAction(ZReviewReport, reviewProgressReport);
export const requestExtensionAction = defineAction(ZExtensionRequest, (actor, input) => requestExtension(actor, input));
export const decideExtensionAction = defineAction(ZExtensionDecision, decideExtension);
