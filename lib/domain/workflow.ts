// The task state machine: ONE table of transitions, and the only place that decides whether a status may
// change. Pure (no next, react or prisma). See domain.md, "The life of a task".
import type { Role } from './roles';
import { stateMachine, type Transition as GenericTransition, type TransitionCheck as GenericCheck } from './state-machine';
import type { TaskStatus } from './task-status';

export const TASK_ACTIONS = [
  'create',
  'submit',
  'resubmit',
  'withdraw',
  'return',
  'startReview',
  'approve',
  'reject',
  'notSelect',
  'select',
  'requireRevision',
  'submitRevision',
  'appraise',
  'contract',
  'extend',
  'requestAcceptance',
  'accept',
  'fail',
  'terminate',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export type Transition = GenericTransition<TaskStatus, TaskAction>;

const ORG = ['ORGANIZATION'] as const;
const DEPT = ['DEPARTMENT_STAFF', 'DEPARTMENT_ADMIN'] as const;
const ADMIN = ['DEPARTMENT_ADMIN'] as const;

export const TRANSITIONS: readonly Transition[] = [
  { from: null, action: 'create', to: 'DRAFT', roles: ORG },
  { from: 'DRAFT', action: 'submit', to: 'PROPOSED', roles: ORG },
  { from: 'RETURNED', action: 'resubmit', to: 'PROPOSED', roles: ORG },
  { from: 'DRAFT', action: 'withdraw', to: 'WITHDRAWN', roles: ORG },
  { from: 'PROPOSED', action: 'withdraw', to: 'WITHDRAWN', roles: ORG },
  { from: 'RETURNED', action: 'withdraw', to: 'WITHDRAWN', roles: ORG },
  { from: 'PROPOSED', action: 'return', to: 'RETURNED', roles: DEPT },
  { from: 'PROPOSED', action: 'startReview', to: 'UNDER_REVIEW', roles: DEPT },
  { from: 'UNDER_REVIEW', action: 'approve', to: 'APPROVED', roles: ADMIN },
  { from: 'UNDER_REVIEW', action: 'reject', to: 'REJECTED', roles: ADMIN },
  // Dossiers competing for one listed task: the leader's selection decision selects one, the others are not selected.
  { from: 'UNDER_REVIEW', action: 'notSelect', to: 'NOT_SELECTED', roles: ADMIN },
  { from: 'UNDER_REVIEW', action: 'select', to: 'SELECTED', roles: ADMIN },
  // The selected dossier (phase 2 step 6): revised per the council's conclusions if the department requires it,
  // appraised (content and state budget), then approved with the appraised amounts.
  { from: 'SELECTED', action: 'requireRevision', to: 'REVISING', roles: DEPT },
  { from: 'REVISING', action: 'submitRevision', to: 'SELECTED', roles: ORG },
  { from: 'SELECTED', action: 'appraise', to: 'APPRAISED', roles: DEPT },
  { from: 'APPRAISED', action: 'approve', to: 'APPROVED', roles: ADMIN },
  { from: 'APPROVED', action: 'contract', to: 'RUNNING', roles: DEPT },
  { from: 'RUNNING', action: 'extend', to: 'RUNNING', roles: ADMIN },
  { from: 'RUNNING', action: 'requestAcceptance', to: 'ACCEPTANCE_REVIEW', roles: ORG },
  { from: 'ACCEPTANCE_REVIEW', action: 'accept', to: 'ACCEPTED', roles: ADMIN },
  { from: 'ACCEPTANCE_REVIEW', action: 'fail', to: 'NOT_ACCEPTED', roles: ADMIN },
  { from: 'APPROVED', action: 'terminate', to: 'TERMINATED', roles: ADMIN },
  { from: 'RUNNING', action: 'terminate', to: 'TERMINATED', roles: ADMIN },
  { from: 'ACCEPTANCE_REVIEW', action: 'terminate', to: 'TERMINATED', roles: ADMIN },
];

const TASK_MACHINE = stateMachine(TRANSITIONS);

export type TransitionCheck = GenericCheck<TaskStatus>;

/** Whether `role` may take `action` on a task in `from`; fails closed. */
export function checkTransition(from: TaskStatus | null, action: TaskAction, role: Role): TransitionCheck {
  return TASK_MACHINE.check(from, action, role);
}

/** The actions `role` may take from `from` (to show only the buttons that can work). */
export function availableActions(from: TaskStatus, role: Role): TaskAction[] {
  return TASK_MACHINE.available(from, role);
}

/** Statuses in which the host organization may still edit the proposal's content. */
export const EDITABLE_BY_ORGANIZATION: readonly TaskStatus[] = ['DRAFT', 'RETURNED'];
