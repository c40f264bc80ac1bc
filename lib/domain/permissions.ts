// The one permission table: role -> capabilities. Fails closed (an unknown capability is denied).
// Record-level checks (own organization, council membership) live in the services, which scope every query.
import type { Role } from './roles';

export const CAPABILITIES = [
  'department.view',
  'organizations.review',
  'users.manage',
  'settings.manage',
  'calls.manage',
  'tasks.viewAll',
  'tasks.propose',
  'councils.manage',
  'councils.sit',
  'reports.review',
  'audit.view',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const TABLE: Record<Role, readonly Capability[]> = {
  DEPARTMENT_ADMIN: [
    'department.view',
    'organizations.review',
    'users.manage',
    'settings.manage',
    'calls.manage',
    'tasks.viewAll',
    'councils.manage',
    'reports.review',
    // The audit trail and the access log: who changed what, who has seen which confidential record.
    'audit.view',
  ],
  DEPARTMENT_STAFF: ['department.view', 'organizations.review', 'calls.manage', 'tasks.viewAll', 'councils.manage', 'reports.review'],
  ORGANIZATION: ['tasks.propose'],
  EVALUATOR: ['councils.sit'],
};

export function can(role: Role | undefined | null, capability: Capability): boolean {
  if (!role) return false;
  return TABLE[role]?.includes(capability) ?? false;
}
