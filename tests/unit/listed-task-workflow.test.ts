import { describe, expect, it } from 'vitest';
import {
  LISTED_ACTIONS,
  LISTED_MACHINE,
  LISTED_STATUSES,
  ORDER_LIST_ACTIONS,
  ORDER_LIST_MACHINE,
  ORDER_LIST_STATUSES,
  type ListedAction,
  type OrderListAction,
} from '@/lib/domain/listed-task-workflow';
import { ROLES, type Role } from '@/lib/domain/roles';

// The list's and the listed task's moves, transcribed by hand from domain.md and issue 8, not derived from the tables.
const SA: Role[] = ['DEPARTMENT_STAFF', 'DEPARTMENT_ADMIN'];
const A: Role[] = ['DEPARTMENT_ADMIN'];
const LIST_EXPECTED: Record<string, { to: string; roles: Role[] }> = {
  'null:create': { to: 'DRAFT', roles: SA },
  'DRAFT:submit': { to: 'SUBMITTED', roles: SA },
  'SUBMITTED:recall': { to: 'DRAFT', roles: SA },
  'SUBMITTED:decide': { to: 'DECIDED', roles: A },
};
const LISTED_EXPECTED: Record<string, { to: string; roles: Role[] }> = {
  'null:propose': { to: 'PROPOSED', roles: SA },
  'PROPOSED:approve': { to: 'LISTED', roles: A },
  'PROPOSED:strike': { to: 'STRUCK', roles: A },
  'null:listUrgent': { to: 'LISTED', roles: A },
  'LISTED:open': { to: 'OPEN', roles: SA },
  'OPEN:assign': { to: 'ASSIGNED', roles: A },
  'OPEN:leaveUnassigned': { to: 'UNASSIGNED', roles: A },
  'UNASSIGNED:reopen': { to: 'OPEN', roles: SA },
};

function table<A extends string>(
  name: string,
  statuses: readonly string[],
  actions: readonly A[],
  machine: { check: (from: never, action: A, role: Role) => unknown },
  expectedRows: Record<string, { to: string; roles: Role[] }>,
) {
  describe(name, () => {
    for (const from of [null, ...statuses])
      for (const action of actions)
        for (const role of ROLES) {
          const row = expectedRows[`${from}:${action}`];
          const expected = !row
            ? { ok: false, reason: 'notFromStatus' }
            : row.roles.includes(role)
              ? { ok: true, to: row.to }
              : { ok: false, reason: 'roleNotAllowed' };
          it(`${from} --${action}--> as ${role}: ${expected.ok ? `allowed to ${row!.to}` : `refused (${expected.reason})`}`, () => {
            expect(machine.check(from as never, action, role)).toEqual(expected);
          });
        }
  });
}

table<OrderListAction>('the list of ordered tasks', ORDER_LIST_STATUSES, ORDER_LIST_ACTIONS, ORDER_LIST_MACHINE, LIST_EXPECTED);
table<ListedAction>('the listed task', LISTED_STATUSES, LISTED_ACTIONS, LISTED_MACHINE, LISTED_EXPECTED);

it('organizations and evaluators never move a list or a listed task; assigned and struck are final', () => {
  for (const role of ['ORGANIZATION', 'EVALUATOR'] as const) {
    for (const s of ORDER_LIST_STATUSES) expect(ORDER_LIST_MACHINE.available(s, role)).toEqual([]);
    for (const s of LISTED_STATUSES) expect(LISTED_MACHINE.available(s, role)).toEqual([]);
  }
  for (const r of ROLES) {
    expect(LISTED_MACHINE.available('ASSIGNED', r)).toEqual([]);
    expect(LISTED_MACHINE.available('STRUCK', r)).toEqual([]);
    expect(ORDER_LIST_MACHINE.available('DECIDED', r)).toEqual([]);
  }
});
