// The statuses of a task (domain.md); a dossier that lost a selection ends NOT_SELECTED; the one selected is
// SELECTED, may be sent back for revision (REVISING), is appraised (APPRAISED) and then approved. The transitions between them live in workflow.ts.

export const TASK_STATUSES = [
  'DRAFT',
  'PROPOSED',
  'RETURNED',
  'WITHDRAWN',
  'UNDER_REVIEW',
  'REJECTED',
  'NOT_SELECTED',
  'SELECTED',
  'REVISING',
  'APPRAISED',
  'APPROVED',
  'RUNNING',
  'ACCEPTANCE_REVIEW',
  'ACCEPTED',
  'NOT_ACCEPTED',
  'TERMINATED',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TERMINAL_STATUSES: readonly TaskStatus[] = ['WITHDRAWN', 'REJECTED', 'NOT_SELECTED', 'ACCEPTED', 'NOT_ACCEPTED', 'TERMINATED'];

export const SCIENCE_FIELDS = ['NATURAL', 'ENGINEERING', 'MEDICAL', 'AGRICULTURAL', 'SOCIAL', 'HUMANITIES'] as const;
export type ScienceField = (typeof SCIENCE_FIELDS)[number];

export const TASK_TYPES = [
  'RESEARCH',
  'PILOT_PRODUCTION',
  'SCHEME',
  // Enterprise support projects of the province's programs: each names a beneficiary enterprise and a support amount.
  'TECH_INNOVATION',
  'PRODUCTIVITY_QUALITY',
  'INTELLECTUAL_PROPERTY',
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

/** The kinds that support an enterprise (hỗ trợ đổi mới công nghệ, năng suất chất lượng, sở hữu trí tuệ). */
export const ENTERPRISE_SUPPORT_TYPES = [
  'TECH_INNOVATION',
  'PRODUCTIVITY_QUALITY',
  'INTELLECTUAL_PROPERTY',
] as const satisfies readonly TaskType[];

export function isEnterpriseSupport(type: unknown): type is (typeof ENTERPRISE_SUPPORT_TYPES)[number] {
  return (ENTERPRISE_SUPPORT_TYPES as readonly unknown[]).includes(type);
}

export const ORGANIZATION_KINDS = ['UNIVERSITY', 'INSTITUTE', 'ENTERPRISE', 'HOSPITAL', 'AGENCY', 'OTHER'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
