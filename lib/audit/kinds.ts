// What the two logs name: the audited writes, the records they touch, the kinds of confidential read. Pure.

/**
 * Every write that is not a task's status change, by name. (A task's status changes, including an approved
 * extension, are TaskEvents written by runTransition; a needs proposal's are these `needs.*` rows.) The admin's
 * audit screen offers these as a filter.
 */
export const AUDIT_ACTIONS = [
  'ballot.saveDraft',
  'ballot.submit',
  'council.form',
  'council.declareConflict',
  'council.replaceMember',
  'council.meeting',
  'report.submit',
  'report.review',
  'extension.request',
  'extension.decide',
  'attachment.upload',
  'attachment.delete',
  'call.create',
  'call.update',
  'settings.update',
  'user.create',
  'user.setActive',
  'user.resetPassword',
  'organization.signUp',
  'organization.setStatus',
  'needs.create',
  'needs.update',
  'needs.submit',
  'needs.resubmit',
  'needs.withdraw',
  'needs.return',
  'needs.merge',
  'needs.startIdentification',
  'needs.recommend',
  'needs.notRecommend',
  'needs.list',
  'needs.strike',
  'identification.form',
  'identification.declareConflict',
  'identification.saveRating',
  'identification.rate',
  'identification.conclude',
  'list.create',
  'list.addItems',
  'list.removeItem',
  'list.updateItem',
  'list.submit',
  'list.recall',
  'list.decide',
  'listed.listUrgent',
  'listed.open',
  'listed.reopen',
  'listed.assign',
  'listed.leaveUnassigned',
  'selection.form',
  'program.create',
  'program.update',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITY_TYPES = [
  'Ballot',
  'Council',
  'CouncilMember',
  'ProgressReport',
  'ExtensionRequest',
  'Attachment',
  'Call',
  'Setting',
  'User',
  'Organization',
  'NeedsProposal',
  'IdentificationCouncil',
  'IdentificationMember',
  'NeedsRating',
  'OrderList',
  'ListedTask',
  'Program',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export const ACCESS_KINDS = ['DOSSIER', 'SEAT', 'ATTACHMENT'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];
