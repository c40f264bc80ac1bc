'use server';
import { defineAction } from '@/lib/server/action';
import {
  ZApplicationReport,
  ZApplicationReview,
  ZLiquidation,
  ZRegistrationRegister,
  ZRegistrationReturn,
  ZRegistrationSubmit,
} from './schemas';
import {
  recordLiquidation,
  registerResults,
  returnRegistration,
  reviewApplicationReport,
  submitApplicationReport,
  submitRegistration,
} from './service';

export const submitRegistrationAction = defineAction(ZRegistrationSubmit, submitRegistration);
export const returnRegistrationAction = defineAction(ZRegistrationReturn, returnRegistration);
export const registerResultsAction = defineAction(ZRegistrationRegister, (actor, input) => registerResults(actor, input));
export const recordLiquidationAction = defineAction(ZLiquidation, (actor, input) => recordLiquidation(actor, input));
export const submitApplicationReportAction = defineAction(ZApplicationReport, (actor, input) => submitApplicationReport(actor, input));
export const reviewApplicationReportAction = defineAction(ZApplicationReview, reviewApplicationReport);
