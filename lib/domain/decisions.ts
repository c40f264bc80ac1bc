// The leader's decisions that rest on a council's result (domain.md, "Councils"): when each may be taken. Pure.
// The same function decides for the screen (which forms are enabled, and why not) and for the service (which
// refuses the decision), so a form shown as ready is a decision the server accepts.
import type { TaskStatus } from './task-status';

export type Decision = 'approve' | 'reject' | 'accept' | 'fail';

/** What a decision needs to know of the council's result. */
export type ResultForDecision = {
  quorum: { met: boolean; submitted: number; required: number };
  /** Whether the council has held a valid meeting (the attendance rule of the settings). */
  meeting: { valid: boolean; recorded: number };
  /** The acceptance council's grade (null while undetermined); absent for a proposal council. */
  grade?: 'EXCELLENT' | 'PASS' | 'FAIL' | null;
};

export type DecisionBlock =
  | { code: 'noCouncil' }
  | { code: 'quorum'; submitted: number; required: number }
  | { code: 'meeting'; recorded: number }
  | { code: 'gradeFail' }
  | { code: 'gradeNotFail' };

/**
 * Why the leader may not take `decision` on this result yet, or null when it may be taken. Approve and reject need
 * a valid result (quorum met, a valid meeting; the leader may decide against the recommendation); accept needs the acceptance
 * council's grade Pass or Excellent, fail needs the grade Fail.
 */
export function decisionBlock(decision: Decision, result: ResultForDecision | null): DecisionBlock | null {
  const invalid = resultBlock(result);
  if (invalid || !result) return invalid;
  if (decision === 'accept' && (!result.grade || result.grade === 'FAIL')) return { code: 'gradeFail' };
  if (decision === 'fail' && result.grade !== 'FAIL') return { code: 'gradeNotFail' };
  return null;
}

/**
 * Why a council's result cannot be decided on at all yet (no council, quorum not met, no valid meeting), or null:
 * a result is valid only when the ballot quorum is met and the council held a valid meeting.
 */
export function resultBlock(result: ResultForDecision | null): DecisionBlock | null {
  if (!result) return { code: 'noCouncil' };
  if (!result.quorum.met) return { code: 'quorum', submitted: result.quorum.submitted, required: result.quorum.required };
  if (!result.meeting.valid) return { code: 'meeting', recorded: result.meeting.recorded };
  return null;
}

/** Which council a task in this status works with (proposal review or acceptance), if any. */
export function councilStageOf(status: TaskStatus): 'PROPOSAL' | 'ACCEPTANCE' | null {
  if (status === 'PROPOSED' || status === 'UNDER_REVIEW') return 'PROPOSAL';
  if (status === 'ACCEPTANCE_REVIEW') return 'ACCEPTANCE';
  return null;
}
