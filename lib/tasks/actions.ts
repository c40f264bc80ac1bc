'use server';
import { defineAction } from '@/lib/server/action';
import {
  ZAcceptanceDecision,
  ZApprove,
  ZApproveAppraised,
  ZAppraise,
  ZRequireRevision,
  ZContract,
  ZCreateTask,
  ZFail,
  ZReject,
  ZRequestAcceptance,
  ZReturn,
  ZTaskRef,
  ZTerminate,
  ZUpdateTask,
  ZWithdraw,
} from './schemas';
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
import { appraiseTask, approveAppraised, requireRevision, submitRevision } from './appraisal';

export const createDraftAction = defineAction(ZCreateTask, createDraft);
export const updateDraftAction = defineAction(ZUpdateTask, updateDraft);
export const submitTaskAction = defineAction(ZTaskRef, (actor, input) => submitTask(actor, input));
export const withdrawTaskAction = defineAction(ZWithdraw, withdrawTask);
export const returnTaskAction = defineAction(ZReturn, returnTask);
export const startReviewAction = defineAction(ZTaskRef, startReview);
export const approveTaskAction = defineAction(ZApprove, approveTask);
export const rejectTaskAction = defineAction(ZReject, rejectTask);
export const contractTaskAction = defineAction(ZContract, contractTask);
export const terminateTaskAction = defineAction(ZTerminate, terminateTask);
export const requestAcceptanceAction = defineAction(ZRequestAcceptance, (actor, input) => requestAcceptance(actor, input));
export const acceptTaskAction = defineAction(ZAcceptanceDecision, acceptTask);
export const failTaskAction = defineAction(ZFail, failTask);
export const requireRevisionAction = defineAction(ZRequireRevision, (actor, input) => requireRevision(actor, input));
export const submitRevisionAction = defineAction(ZTaskRef, (actor, input) => submitRevision(actor, input));
export const appraiseTaskAction = defineAction(ZAppraise, (actor, input) => appraiseTask(actor, input));
export const approveAppraisedAction = defineAction(ZApproveAppraised, approveAppraised);
