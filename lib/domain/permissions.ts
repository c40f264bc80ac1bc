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
  // The list of ordered tasks proposed to UBND and the listed tasks (which moves each role makes: the tables).
  'lists.manage',
  'reports.review',
  'audit.view',
  // Reading the list of calls and of active organizations (the proposal form's choices).
  'calls.view',
  'organizations.list',
  // Deadline reminders (progress reports due and overdue) in the bell.
  'reminders.receive',
  // The province's S&T programs: the leader records them; the department reads them (organizations only pick an
  // active program's name in their forms).
  'programs.manage',
  'programs.view',
  // Making an accepted task's result files public in the registry (or withdrawing them): the department only.
  'registry.publish',
  // The development mailbox (the mails kept in the database when no SMTP server is configured).
  'mail.devMailbox',
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
    'lists.manage',
    'reports.review',
    // The audit trail and the access log: who changed what, who has seen which confidential record.
    'audit.view',
    'calls.view',
    'organizations.list',
    'reminders.receive',
    'programs.manage',
    'programs.view',
    'registry.publish',
    'mail.devMailbox',
  ],
  DEPARTMENT_STAFF: [
    'department.view',
    'organizations.review',
    'calls.manage',
    'tasks.viewAll',
    'councils.manage',
    'lists.manage',
    'reports.review',
    'calls.view',
    'organizations.list',
    'reminders.receive',
    'programs.view',
    'registry.publish',
  ],
  ORGANIZATION: ['tasks.propose', 'calls.view', 'organizations.list', 'reminders.receive'],
  // The organizations list: an identification council member may name one for direct assignment.
  EVALUATOR: ['councils.sit', 'organizations.list'],
};

export function can(role: Role | undefined | null, capability: Capability): boolean {
  if (!role) return false;
  return TABLE[role]?.includes(capability) ?? false;
}
