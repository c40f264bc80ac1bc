// Council results from ballots (domain.md, "Councils"). Pure. The thresholds come from the department's
// settings; fractions are compared in integers (3/4 exactly, no rounding).

export type Fraction = { numerator: number; denominator: number };
export type Rating = 'EXCELLENT' | 'PASS' | 'FAIL';
export type Recommendation = 'APPROVE' | 'APPROVE_WITH_REVISIONS' | 'REJECT';

/** At least numerator/denominator of `of`? (integer arithmetic) */
export function atLeast(count: number, of: number, f: Fraction): boolean {
  return count * f.denominator >= f.numerator * of;
}

/** Smallest count that reaches numerator/denominator of `of`. */
export function required(of: number, f: Fraction): number {
  return Math.ceil((f.numerator * of) / f.denominator);
}

export type Quorum = { members: number; submitted: number; required: number; met: boolean };

export function quorum(members: number, submitted: number, f: Fraction): Quorum {
  return { members, submitted, required: required(members, f), met: members > 0 && atLeast(submitted, members, f) };
}

export type ProposalBallot = { totalScore: number; recommendation: Recommendation };
export type ProposalResult = {
  quorum: Quorum;
  meanScore: number | null;
  approvals: number;
  voters: number;
  // null while the quorum is not met: no valid result yet.
  outcome: 'RECOMMEND_APPROVAL' | 'RECOMMEND_REJECTION' | null;
};

/**
 * Proposal council: valid with a quorum of the (non-recused) members; recommends approval when the mean total
 * score is at least the pass mark AND more than half of the voters recommend approval (with or without revisions).
 */
export function proposalResult(input: { members: number; ballots: ProposalBallot[]; passMark: number; quorum: Fraction }): ProposalResult {
  const voters = input.ballots.length;
  const q = quorum(input.members, voters, input.quorum);
  const meanScore = voters ? Math.round((input.ballots.reduce((a, b) => a + b.totalScore, 0) / voters) * 100) / 100 : null;
  const approvals = input.ballots.filter((b) => b.recommendation !== 'REJECT').length;
  if (!q.met || meanScore === null) return { quorum: q, meanScore, approvals, voters, outcome: null };
  const pass = meanScore >= input.passMark && approvals * 2 > voters;
  return { quorum: q, meanScore, approvals, voters, outcome: pass ? 'RECOMMEND_APPROVAL' : 'RECOMMEND_REJECTION' };
}

export type AcceptanceResult = {
  quorum: Quorum;
  counts: Record<Rating, number>;
  gradeBeforeLateness: Rating | null;
  // null while the quorum is not met.
  grade: Rating | null;
  downgradedForLateness: boolean;
};

const DOWN: Record<Rating, Rating> = { EXCELLENT: 'PASS', PASS: 'FAIL', FAIL: 'FAIL' };

/**
 * Acceptance council grade from the members' overall ratings:
 * Excellent when at least `grade` (default 3/4) of the voters rate Excellent and none rates Fail;
 * Pass when at least `grade` of the voters rate Pass or better; otherwise Fail.
 * A dossier submitted late is graded one level down when the setting says so.
 */
export function acceptanceResult(input: {
  members: number;
  ratings: Rating[];
  grade: Fraction;
  late: boolean;
  lateDowngrade: boolean;
  quorum: Fraction;
}): AcceptanceResult {
  const voters = input.ratings.length;
  const counts: Record<Rating, number> = { EXCELLENT: 0, PASS: 0, FAIL: 0 };
  for (const r of input.ratings) counts[r] += 1;
  const q = quorum(input.members, voters, input.quorum);
  if (!q.met) return { quorum: q, counts, gradeBeforeLateness: null, grade: null, downgradedForLateness: false };
  let base: Rating = 'FAIL';
  if (counts.FAIL === 0 && atLeast(counts.EXCELLENT, voters, input.grade)) base = 'EXCELLENT';
  else if (atLeast(counts.EXCELLENT + counts.PASS, voters, input.grade)) base = 'PASS';
  const downgrade = input.late && input.lateDowngrade && base !== 'FAIL';
  return { quorum: q, counts, gradeBeforeLateness: base, grade: downgrade ? DOWN[base] : base, downgradedForLateness: downgrade };
}
