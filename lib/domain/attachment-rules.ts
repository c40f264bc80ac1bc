// What files a task carries and when its host organization may add or remove each kind. Pure.
import type { TaskStatus } from './task-status';

export const ATTACHMENT_KINDS = [
  'PROPOSAL_DOC',
  'CV',
  'BUDGET_ESTIMATE',
  'PROGRESS_REPORT',
  'FINAL_REPORT',
  'SELF_ASSESSMENT',
  'PRODUCT_EVIDENCE',
  'REGISTRATION_FORM',
  'APPLICATION_REPORT',
  'OTHER',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** Which kinds of file the host organization may add (and remove) in which status. */
export const KINDS_BY_STATUS: Partial<Record<TaskStatus, readonly AttachmentKind[]>> = {
  DRAFT: ['PROPOSAL_DOC', 'CV', 'BUDGET_ESTIMATE', 'OTHER'],
  RETURNED: ['PROPOSAL_DOC', 'CV', 'BUDGET_ESTIMATE', 'OTHER'],
  // The selected dossier revised per the council's conclusions: the revised detailed proposal and its estimate.
  REVISING: ['PROPOSAL_DOC', 'BUDGET_ESTIMATE', 'OTHER'],
  RUNNING: ['PROGRESS_REPORT', 'FINAL_REPORT', 'SELF_ASSESSMENT', 'PRODUCT_EVIDENCE', 'OTHER'],
  // After acceptance: the result registration form (with the registered products) and the yearly application
  // reports' evidence.
  ACCEPTED: ['REGISTRATION_FORM', 'APPLICATION_REPORT'],
};

/** Files of the life after acceptance: the department's and the host organization's only, never a council member's. */
export const AFTER_ACCEPTANCE_KINDS: readonly AttachmentKind[] = ['REGISTRATION_FORM', 'APPLICATION_REPORT'];
