// The list of ordered tasks (danh mục nhiệm vụ đặt hàng) and its listed tasks (domain.md, "The year", phase 1
// step 3 and phase 2). The department assembles a list from the recommended needs proposals and sends it to UBND;
// the leader records UBND's decision: approved items become listed tasks, the others are struck. A listed task is
// then put to a selection notice (open for dossiers) and ends assigned to one organization, or unassigned (and
// may be put to a new notice). Urgent tasks are listed outside the cycle by their own decision. Pure.
import type { Role } from './roles';
import { stateMachine, type Transition } from './state-machine';

export const ORDER_LIST_STATUSES = ['DRAFT', 'SUBMITTED', 'DECIDED'] as const;
export type OrderListStatus = (typeof ORDER_LIST_STATUSES)[number];
export const ORDER_LIST_ACTIONS = ['create', 'submit', 'recall', 'decide'] as const;
export type OrderListAction = (typeof ORDER_LIST_ACTIONS)[number];

export const LISTED_STATUSES = ['PROPOSED', 'STRUCK', 'LISTED', 'OPEN', 'ASSIGNED', 'UNASSIGNED'] as const;
export type ListedStatus = (typeof LISTED_STATUSES)[number];
export const LISTED_ACTIONS = ['propose', 'approve', 'strike', 'listUrgent', 'open', 'assign', 'leaveUnassigned', 'reopen'] as const;
export type ListedAction = (typeof LISTED_ACTIONS)[number];

const DEPT: readonly Role[] = ['DEPARTMENT_STAFF', 'DEPARTMENT_ADMIN'];
const ADMIN: readonly Role[] = ['DEPARTMENT_ADMIN'];

export const ORDER_LIST_TRANSITIONS: readonly Transition<OrderListStatus, OrderListAction>[] = [
  // Staff assemble the list (items added, edited, removed while it is a draft) and send it to UBND.
  { from: null, action: 'create', to: 'DRAFT', roles: DEPT },
  { from: 'DRAFT', action: 'submit', to: 'SUBMITTED', roles: DEPT },
  // Taken back to correct it before UBND decides.
  { from: 'SUBMITTED', action: 'recall', to: 'DRAFT', roles: DEPT },
  // The leader records UBND's approval decision (number, date, the items approved and struck).
  { from: 'SUBMITTED', action: 'decide', to: 'DECIDED', roles: ADMIN },
];

export const LISTED_TRANSITIONS: readonly Transition<ListedStatus, ListedAction>[] = [
  { from: null, action: 'propose', to: 'PROPOSED', roles: DEPT },
  { from: 'PROPOSED', action: 'approve', to: 'LISTED', roles: ADMIN },
  { from: 'PROPOSED', action: 'strike', to: 'STRUCK', roles: ADMIN },
  { from: null, action: 'listUrgent', to: 'LISTED', roles: ADMIN },
  // Phase 2: put to a selection notice; the leader's decision assigns it, or no dossier passed.
  { from: 'LISTED', action: 'open', to: 'OPEN', roles: DEPT },
  { from: 'OPEN', action: 'assign', to: 'ASSIGNED', roles: ADMIN },
  { from: 'OPEN', action: 'leaveUnassigned', to: 'UNASSIGNED', roles: ADMIN },
  { from: 'UNASSIGNED', action: 'reopen', to: 'OPEN', roles: DEPT },
];

export const ORDER_LIST_MACHINE = stateMachine(ORDER_LIST_TRANSITIONS);
export const LISTED_MACHINE = stateMachine(LISTED_TRANSITIONS);

/** Listed tasks that count as "listed" in the year's figures (approved by UBND or by an urgent decision). */
export const LISTED_APPROVED: readonly ListedStatus[] = ['LISTED', 'OPEN', 'ASSIGNED', 'UNASSIGNED'];

/** Dossier (task) statuses that no longer count as an organization's dossier for a listed task. */
export const LIVE_DOSSIER_EXCLUDED = ['WITHDRAWN'] as const;
