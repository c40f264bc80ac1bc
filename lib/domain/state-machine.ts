// A state machine as one table of transitions { from, action, to, roles }: the only thing that decides whether a
// record's status may change. Every workflow of the app (a task, a needs proposal) declares its table with this;
// the services ask it before they write, the loaders ask it for the buttons to show. Pure; fails closed.
import type { Role } from './roles';

export type Transition<S extends string, A extends string> = { from: S | null; action: A; to: S; roles: readonly Role[] };

export type TransitionCheck<S extends string> = { ok: true; to: S } | { ok: false; reason: 'notFromStatus' | 'roleNotAllowed' };

export function stateMachine<S extends string, A extends string>(transitions: readonly Transition<S, A>[]) {
  return {
    transitions,
    /** Whether `role` may take `action` on a record in `from` (null: creating one). */
    check(from: S | null, action: A, role: Role): TransitionCheck<S> {
      const candidates = transitions.filter((t) => t.from === from && t.action === action);
      if (candidates.length === 0) return { ok: false, reason: 'notFromStatus' };
      const allowed = candidates.find((t) => t.roles.includes(role));
      return allowed ? { ok: true, to: allowed.to } : { ok: false, reason: 'roleNotAllowed' };
    },
    /** The actions `role` may take from `from` (to show only the buttons that can work). */
    available(from: S, role: Role): A[] {
      return transitions.filter((t) => t.from === from && t.roles.includes(role)).map((t) => t.action);
    },
  };
}
