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

/**
 * The files the department may publish in the public registry once the task is accepted: its results, and
 * nothing else of the dossier. Chosen:
 * - FINAL_REPORT: the final summary report of results (báo cáo tổng hợp kết quả), the task's main product;
 * - PRODUCT_EVIDENCE: the results dossier, the evidence of the products delivered (minh chứng sản phẩm);
 * - REGISTRATION_FORM: the result registration file (hồ sơ đăng ký kết quả), with the registered products.
 * Never: the proposal and its budget estimate (PROPOSAL_DOC, BUDGET_ESTIMATE: a dossier and its money), the
 * scientists' CVs (CV: personal data), progress reports (PROGRESS_REPORT: spending, internal), the organization's
 * self-assessment before acceptance (SELF_ASSESSMENT), the yearly application reports (APPLICATION_REPORT:
 * revenue and business figures) and OTHER (anything, contracts and financial papers included). Ballots,
 * minutes and contracts are not attachments of these kinds at all.
 */
export const PUBLISHABLE_KINDS: readonly AttachmentKind[] = ['FINAL_REPORT', 'PRODUCT_EVIDENCE', 'REGISTRATION_FORM'];

/** Whether a file of this kind may be made public (on an accepted task: the service checks the status). */
export function isPublishableKind(kind: AttachmentKind): boolean {
  return PUBLISHABLE_KINDS.includes(kind);
}
