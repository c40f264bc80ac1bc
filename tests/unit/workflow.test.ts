import { describe, expect, it } from 'vitest';
import { availableActions, checkTransition, TASK_ACTIONS, type TaskAction } from '@/lib/domain/workflow';
import { ROLES, type Role } from '@/lib/domain/roles';
import { TASK_STATUSES, TERMINAL_STATUSES, type TaskStatus } from '@/lib/domain/task-status';

// The expected state machine, transcribed by hand from shared/domain.md ("The life of a task"), NOT derived
// from TRANSITIONS. Key: `${from}:${action}`.
//  - create draft: ORGANIZATION
//  - submit (DRAFT -> PROPOSED) / resubmit (RETURNED -> PROPOSED; the diagram's "resubmit" arrow): ORGANIZATION
//  - withdraw (DRAFT, PROPOSED, RETURNED -> WITHDRAWN): ORGANIZATION
//  - return for revision (PROPOSED -> RETURNED): STAFF, ADMIN
//  - start review (PROPOSED -> UNDER_REVIEW): STAFF, ADMIN
//  - approve / reject (UNDER_REVIEW -> APPROVED / REJECTED): ADMIN
//  - not selected (UNDER_REVIEW -> NOT_SELECTED; phase 2: another dossier of the listed task was selected): ADMIN
//  - select (UNDER_REVIEW -> SELECTED; phase 2: the leader's selection decision picks this dossier): ADMIN
//  - require revision (SELECTED -> REVISING, per the council's conclusions): STAFF, ADMIN
//  - send the revised proposal (REVISING -> SELECTED): ORGANIZATION
//  - appraise content and state budget (SELECTED -> APPRAISED): STAFF, ADMIN
//  - approve with the appraised amounts (APPRAISED -> APPROVED): ADMIN
//  - contract (APPROVED -> RUNNING): STAFF, ADMIN
//  - extend (RUNNING stays RUNNING): the decision is ADMIN's (the organization only requests)
//  - request acceptance (RUNNING -> ACCEPTANCE_REVIEW): ORGANIZATION
//  - accept / fail (ACCEPTANCE_REVIEW -> ACCEPTED / NOT_ACCEPTED): ADMIN
//  - terminate (APPROVED, RUNNING, ACCEPTANCE_REVIEW -> TERMINATED): ADMIN
//  - EVALUATOR never moves a task.
const O: Role[] = ['ORGANIZATION'];
const SA: Role[] = ['DEPARTMENT_STAFF', 'DEPARTMENT_ADMIN'];
const A: Role[] = ['DEPARTMENT_ADMIN'];

const EXPECTED: Record<string, { to: TaskStatus; roles: Role[] }> = {
  'null:create': { to: 'DRAFT', roles: O },
  'DRAFT:submit': { to: 'PROPOSED', roles: O },
  'RETURNED:resubmit': { to: 'PROPOSED', roles: O },
  'DRAFT:withdraw': { to: 'WITHDRAWN', roles: O },
  'PROPOSED:withdraw': { to: 'WITHDRAWN', roles: O },
  'RETURNED:withdraw': { to: 'WITHDRAWN', roles: O },
  'PROPOSED:return': { to: 'RETURNED', roles: SA },
  'PROPOSED:startReview': { to: 'UNDER_REVIEW', roles: SA },
  'UNDER_REVIEW:approve': { to: 'APPROVED', roles: A },
  'UNDER_REVIEW:reject': { to: 'REJECTED', roles: A },
  'UNDER_REVIEW:notSelect': { to: 'NOT_SELECTED', roles: A },
  'UNDER_REVIEW:select': { to: 'SELECTED', roles: A },
  'SELECTED:requireRevision': { to: 'REVISING', roles: SA },
  'REVISING:submitRevision': { to: 'SELECTED', roles: O },
  'SELECTED:appraise': { to: 'APPRAISED', roles: SA },
  'APPRAISED:approve': { to: 'APPROVED', roles: A },
  'APPROVED:contract': { to: 'RUNNING', roles: SA },
  'RUNNING:extend': { to: 'RUNNING', roles: A },
  'RUNNING:requestAcceptance': { to: 'ACCEPTANCE_REVIEW', roles: O },
  'ACCEPTANCE_REVIEW:accept': { to: 'ACCEPTED', roles: A },
  'ACCEPTANCE_REVIEW:fail': { to: 'NOT_ACCEPTED', roles: A },
  'APPROVED:terminate': { to: 'TERMINATED', roles: A },
  'RUNNING:terminate': { to: 'TERMINATED', roles: A },
  'ACCEPTANCE_REVIEW:terminate': { to: 'TERMINATED', roles: A },
};

const FROMS: (TaskStatus | null)[] = [null, ...TASK_STATUSES];
const TERMINAL: TaskStatus[] = ['WITHDRAWN', 'REJECTED', 'NOT_SELECTED', 'ACCEPTED', 'NOT_ACCEPTED', 'TERMINATED'];

type Case = { from: TaskStatus | null; action: TaskAction; role: Role; expected: ReturnType<typeof checkTransition> };

function expectedFor(from: TaskStatus | null, action: TaskAction, role: Role): Case['expected'] {
  const row = EXPECTED[`${from}:${action}`];
  if (!row) return { ok: false, reason: 'notFromStatus' };
  return row.roles.includes(role) ? { ok: true, to: row.to } : { ok: false, reason: 'roleNotAllowed' };
}

const CASES: Case[] = FROMS.flatMap((from) =>
  TASK_ACTIONS.flatMap((action) => ROLES.map((role) => ({ from, action, role, expected: expectedFor(from, action, role) }))),
);

describe('the expectation table itself', () => {
  it('covers every status (and null), action and role', () => {
    expect(TASK_STATUSES).toHaveLength(16);
    expect(TASK_ACTIONS).toHaveLength(19);
    expect(ROLES).toHaveLength(4);
    expect(CASES).toHaveLength(17 * 19 * 4);
  });

  it('only names known statuses and actions', () => {
    for (const key of Object.keys(EXPECTED)) {
      const [from, action] = key.split(':');
      expect(from === 'null' || (TASK_STATUSES as readonly string[]).includes(from)).toBe(true);
      expect((TASK_ACTIONS as readonly string[]).includes(action)).toBe(true);
    }
  });

  it('agrees with the terminal statuses declared in task-status.ts', () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual([...TERMINAL].sort());
  });
});

describe('checkTransition: every (status x action x role)', () => {
  it.each(CASES.map((c) => [String(c.from), c.action, c.role, c] as const))('%s --%s--> as %s', (_f, _a, _r, c) => {
    expect(checkTransition(c.from, c.action, c.role)).toEqual(c.expected);
  });
});

describe('checkTransition: spot checks', () => {
  it('lets the organization create a draft only from nothing', () => {
    expect(checkTransition(null, 'create', 'ORGANIZATION')).toEqual({ ok: true, to: 'DRAFT' });
    expect(checkTransition(null, 'create', 'DEPARTMENT_ADMIN')).toEqual({ ok: false, reason: 'roleNotAllowed' });
    expect(checkTransition('DRAFT', 'create', 'ORGANIZATION')).toEqual({ ok: false, reason: 'notFromStatus' });
    expect(checkTransition(null, 'submit', 'ORGANIZATION')).toEqual({ ok: false, reason: 'notFromStatus' });
  });

  it('keeps the department from submitting or withdrawing on behalf of the organization', () => {
    expect(checkTransition('DRAFT', 'submit', 'DEPARTMENT_ADMIN')).toEqual({ ok: false, reason: 'roleNotAllowed' });
    expect(checkTransition('PROPOSED', 'withdraw', 'DEPARTMENT_STAFF')).toEqual({ ok: false, reason: 'roleNotAllowed' });
  });

  it('reserves decisions to the admin', () => {
    for (const [from, action] of [
      ['UNDER_REVIEW', 'approve'],
      ['UNDER_REVIEW', 'reject'],
      ['RUNNING', 'extend'],
      ['ACCEPTANCE_REVIEW', 'accept'],
      ['ACCEPTANCE_REVIEW', 'fail'],
      ['APPROVED', 'terminate'],
      ['RUNNING', 'terminate'],
      ['ACCEPTANCE_REVIEW', 'terminate'],
    ] as const) {
      expect(checkTransition(from, action, 'DEPARTMENT_ADMIN').ok).toBe(true);
      expect(checkTransition(from, action, 'DEPARTMENT_STAFF')).toEqual({ ok: false, reason: 'roleNotAllowed' });
      expect(checkTransition(from, action, 'ORGANIZATION')).toEqual({ ok: false, reason: 'roleNotAllowed' });
    }
  });

  it('cannot terminate before approval or after the end', () => {
    for (const from of ['DRAFT', 'PROPOSED', 'RETURNED', 'UNDER_REVIEW', ...TERMINAL] as const) {
      expect(checkTransition(from, 'terminate', 'DEPARTMENT_ADMIN')).toEqual({ ok: false, reason: 'notFromStatus' });
    }
  });

  it('refuses the evaluator everything', () => {
    for (const from of FROMS) for (const action of TASK_ACTIONS) expect(checkTransition(from, action, 'EVALUATOR').ok).toBe(false);
  });
});

describe('availableActions', () => {
  const sorted = (a: readonly string[]) => [...a].sort();

  it.each([
    ['DRAFT', 'ORGANIZATION', ['submit', 'withdraw']],
    ['DRAFT', 'DEPARTMENT_STAFF', []],
    ['PROPOSED', 'ORGANIZATION', ['withdraw']],
    ['PROPOSED', 'DEPARTMENT_STAFF', ['return', 'startReview']],
    ['PROPOSED', 'DEPARTMENT_ADMIN', ['return', 'startReview']],
    ['RETURNED', 'ORGANIZATION', ['resubmit', 'withdraw']],
    ['UNDER_REVIEW', 'DEPARTMENT_ADMIN', ['approve', 'reject', 'notSelect', 'select']],
    ['UNDER_REVIEW', 'DEPARTMENT_STAFF', []],
    ['UNDER_REVIEW', 'ORGANIZATION', []],
    ['APPROVED', 'DEPARTMENT_STAFF', ['contract']],
    ['APPROVED', 'DEPARTMENT_ADMIN', ['contract', 'terminate']],
    ['RUNNING', 'ORGANIZATION', ['requestAcceptance']],
    ['RUNNING', 'DEPARTMENT_STAFF', []],
    ['RUNNING', 'DEPARTMENT_ADMIN', ['extend', 'terminate']],
    ['ACCEPTANCE_REVIEW', 'DEPARTMENT_ADMIN', ['accept', 'fail', 'terminate']],
    ['ACCEPTANCE_REVIEW', 'ORGANIZATION', []],
    ['ACCEPTED', 'DEPARTMENT_ADMIN', []],
    ['RUNNING', 'EVALUATOR', []],
  ] as const)('%s as %s -> %j', (from, role, actions) => {
    expect(sorted(availableActions(from, role))).toEqual(sorted(actions));
  });

  it('matches the expectation table for every status and role', () => {
    for (const from of TASK_STATUSES) {
      for (const role of ROLES) {
        const expected = TASK_ACTIONS.filter((a) => EXPECTED[`${from}:${a}`]?.roles.includes(role));
        expect(sorted(availableActions(from, role)), `${from} / ${role}`).toEqual(sorted(expected));
      }
    }
  });

  it('never contains duplicates', () => {
    for (const from of TASK_STATUSES)
      for (const role of ROLES) {
        const a = availableActions(from, role);
        expect(new Set(a).size).toBe(a.length);
      }
  });
});

describe('outgoing actions', () => {
  const anyAction = (from: TaskStatus) => ROLES.flatMap((role) => availableActions(from, role));

  it.each(TASK_STATUSES.filter((s) => !TERMINAL.includes(s)))('non-terminal %s has at least one outgoing action', (from) => {
    expect(anyAction(from).length).toBeGreaterThan(0);
  });

  it.each(TERMINAL)('terminal %s has none', (from) => {
    expect(anyAction(from)).toEqual([]);
    for (const action of TASK_ACTIONS)
      for (const role of ROLES) {
        expect(checkTransition(from, action, role)).toEqual({ ok: false, reason: 'notFromStatus' });
      }
  });
});
