import { describe, expect, it } from 'vitest';
import { NEEDS_ACTIONS, NEEDS_MACHINE, NEEDS_STATUSES, type NeedsAction, type NeedsStatus } from '@/lib/domain/needs-workflow';
import { ROLES, type Role } from '@/lib/domain/roles';

// The needs proposal's moves, transcribed by hand from domain.md (phase 1), not derived from the table.
const O: Role[] = ['ORGANIZATION'];
const SA: Role[] = ['DEPARTMENT_STAFF', 'DEPARTMENT_ADMIN'];
const A: Role[] = ['DEPARTMENT_ADMIN'];
const EXPECTED: Record<string, { to: NeedsStatus; roles: Role[] }> = {
  'null:create': { to: 'DRAFT', roles: O },
  'DRAFT:submit': { to: 'SUBMITTED', roles: O },
  'RETURNED:resubmit': { to: 'SUBMITTED', roles: O },
  'DRAFT:withdraw': { to: 'WITHDRAWN', roles: O },
  'SUBMITTED:withdraw': { to: 'WITHDRAWN', roles: O },
  'RETURNED:withdraw': { to: 'WITHDRAWN', roles: O },
  'SUBMITTED:return': { to: 'RETURNED', roles: SA },
  'SUBMITTED:merge': { to: 'MERGED', roles: SA },
  'SUBMITTED:startIdentification': { to: 'UNDER_IDENTIFICATION', roles: SA },
  'UNDER_IDENTIFICATION:recommend': { to: 'RECOMMENDED', roles: SA },
  'UNDER_IDENTIFICATION:notRecommend': { to: 'NOT_RECOMMENDED', roles: SA },
  'RECOMMENDED:list': { to: 'LISTED', roles: A },
  'RECOMMENDED:strike': { to: 'STRUCK', roles: A },
};

describe('the needs proposal state machine', () => {
  const froms: (NeedsStatus | null)[] = [null, ...NEEDS_STATUSES];
  for (const from of froms)
    for (const action of NEEDS_ACTIONS)
      for (const role of ROLES) {
        const row = EXPECTED[`${from}:${action}`];
        const expected = !row
          ? { ok: false, reason: 'notFromStatus' }
          : row.roles.includes(role)
            ? { ok: true, to: row.to }
            : { ok: false, reason: 'roleNotAllowed' };
        it(`${from} --${action}--> as ${role}: ${expected.ok ? `allowed to ${row!.to}` : `refused (${expected.reason})`}`, () => {
          expect(NEEDS_MACHINE.check(from, action as NeedsAction, role)).toEqual(expected);
        });
      }

  it('never lets an evaluator move a needs proposal, and ends in its terminal statuses', () => {
    for (const s of NEEDS_STATUSES) expect(NEEDS_MACHINE.available(s, 'EVALUATOR')).toEqual([]);
    for (const s of ['WITHDRAWN', 'MERGED', 'NOT_RECOMMENDED', 'LISTED', 'STRUCK'] as const)
      for (const r of ROLES) expect(NEEDS_MACHINE.available(s, r), `${s} ${r}`).toEqual([]);
  });
});
