// The needs proposal (phiếu đề xuất đặt hàng) and its state machine (domain.md, "The year: two phases before a
// task runs", phase 1). An organization drafts and submits it during a needs call; the department returns it for
// completion or merges a duplicate into another; an identification council then judges it, and UBND's list
// decides which become listed tasks. Pure.
import type { Role } from './roles';
import { stateMachine, type Transition } from './state-machine';

export const NEEDS_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'WITHDRAWN',
  'MERGED',
  'UNDER_IDENTIFICATION',
  'RECOMMENDED',
  'NOT_RECOMMENDED',
  'LISTED',
  'STRUCK',
] as const;
export type NeedsStatus = (typeof NEEDS_STATUSES)[number];

export const NEEDS_ACTIONS = [
  'create',
  'submit',
  'resubmit',
  'withdraw',
  'return',
  'merge',
  'startIdentification',
  'recommend',
  'notRecommend',
  'list',
  'strike',
] as const;
export type NeedsAction = (typeof NEEDS_ACTIONS)[number];

const ORG: readonly Role[] = ['ORGANIZATION'];
const DEPT: readonly Role[] = ['DEPARTMENT_STAFF', 'DEPARTMENT_ADMIN'];
const ADMIN: readonly Role[] = ['DEPARTMENT_ADMIN'];

export const NEEDS_TRANSITIONS: readonly Transition<NeedsStatus, NeedsAction>[] = [
  { from: null, action: 'create', to: 'DRAFT', roles: ORG },
  { from: 'DRAFT', action: 'submit', to: 'SUBMITTED', roles: ORG },
  { from: 'RETURNED', action: 'resubmit', to: 'SUBMITTED', roles: ORG },
  { from: 'DRAFT', action: 'withdraw', to: 'WITHDRAWN', roles: ORG },
  { from: 'SUBMITTED', action: 'withdraw', to: 'WITHDRAWN', roles: ORG },
  { from: 'RETURNED', action: 'withdraw', to: 'WITHDRAWN', roles: ORG },
  // Screening by the department: back for completion, or folded into the proposal that covers the same need.
  { from: 'SUBMITTED', action: 'return', to: 'RETURNED', roles: DEPT },
  { from: 'SUBMITTED', action: 'merge', to: 'MERGED', roles: DEPT },
  // The identification council: formed over a batch of submitted proposals; its result decides each of them.
  { from: 'SUBMITTED', action: 'startIdentification', to: 'UNDER_IDENTIFICATION', roles: DEPT },
  { from: 'UNDER_IDENTIFICATION', action: 'recommend', to: 'RECOMMENDED', roles: DEPT },
  { from: 'UNDER_IDENTIFICATION', action: 'notRecommend', to: 'NOT_RECOMMENDED', roles: DEPT },
  // UBND's decision on the list, recorded by the leader: approved items become listed tasks, others are struck.
  { from: 'RECOMMENDED', action: 'list', to: 'LISTED', roles: ADMIN },
  { from: 'RECOMMENDED', action: 'strike', to: 'STRUCK', roles: ADMIN },
];

export const NEEDS_MACHINE = stateMachine(NEEDS_TRANSITIONS);

/** Statuses in which the proposing organization may still edit its needs proposal. */
export const NEEDS_EDITABLE: readonly NeedsStatus[] = ['DRAFT', 'RETURNED'];

/** Statuses a needs proposal may be merged into (the one that absorbs it must still be in screening or judged). */
export const NEEDS_MERGE_TARGETS: readonly NeedsStatus[] = ['SUBMITTED', 'UNDER_IDENTIFICATION'];
