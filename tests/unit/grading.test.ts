import { describe, expect, it } from 'vitest';
import {
  acceptanceResult,
  atLeast,
  proposalResult,
  quorum,
  required,
  type Fraction,
  type ProposalBallot,
  type Rating,
  type Recommendation,
} from '@/lib/domain/grading';
import { DEFAULT_SETTINGS } from '@/lib/domain/settings';

const TWO_THIRDS: Fraction = { numerator: DEFAULT_SETTINGS.quorumNumerator, denominator: DEFAULT_SETTINGS.quorumDenominator };
const THREE_QUARTERS: Fraction = { numerator: DEFAULT_SETTINGS.gradeNumerator, denominator: DEFAULT_SETTINGS.gradeDenominator };
const PASS_MARK = DEFAULT_SETTINGS.passMark;

const ballots = (...spec: [number, Recommendation][]): ProposalBallot[] =>
  spec.map(([totalScore, recommendation]) => ({ totalScore, recommendation }));
const repeat = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);
const ratings = (e: number, p: number, f: number): Rating[] => [
  ...repeat(e, 'EXCELLENT' as const),
  ...repeat(p, 'PASS' as const),
  ...repeat(f, 'FAIL' as const),
];

describe('defaults used by these tests', () => {
  it('are 2/3 quorum, 3/4 grade share, pass mark 70, late downgrade on', () => {
    expect(TWO_THIRDS).toEqual({ numerator: 2, denominator: 3 });
    expect(THREE_QUARTERS).toEqual({ numerator: 3, denominator: 4 });
    expect(PASS_MARK).toBe(70);
    expect(DEFAULT_SETTINGS.lateDowngrade).toBe(true);
  });
});

describe('fractions in integers', () => {
  it('atLeast compares exactly, without rounding', () => {
    expect(atLeast(2, 3, TWO_THIRDS)).toBe(true);
    expect(atLeast(1, 3, TWO_THIRDS)).toBe(false);
    expect(atLeast(3, 4, THREE_QUARTERS)).toBe(true);
    expect(atLeast(5, 7, THREE_QUARTERS)).toBe(false); // 0.714 < 0.75
    expect(atLeast(6, 8, THREE_QUARTERS)).toBe(true);
  });

  it('required is the smallest count reaching the fraction', () => {
    expect(required(7, TWO_THIRDS)).toBe(5);
    expect(required(6, TWO_THIRDS)).toBe(4);
    expect(required(9, TWO_THIRDS)).toBe(6);
    expect(required(5, TWO_THIRDS)).toBe(4);
    expect(required(7, THREE_QUARTERS)).toBe(6);
    expect(required(8, THREE_QUARTERS)).toBe(6);
    expect(required(0, TWO_THIRDS)).toBe(0);
  });
});

describe('quorum (at least 2/3 of the members submitted)', () => {
  it.each([
    [7, 4, 5, false],
    [7, 5, 5, true],
    [7, 7, 5, true],
    [6, 3, 4, false],
    [6, 4, 4, true],
    [9, 5, 6, false],
    [9, 6, 6, true],
    [5, 3, 4, false],
    [5, 4, 4, true],
    [3, 2, 2, true],
  ])('%i members, %i submitted: required %i, met %s', (members, submitted, req, met) => {
    expect(quorum(members, submitted, TWO_THIRDS)).toEqual({ members, submitted, required: req, met });
  });

  it('is never met by a council with zero members', () => {
    expect(quorum(0, 0, TWO_THIRDS).met).toBe(false);
    expect(quorum(0, 0, { numerator: 1, denominator: 1 }).met).toBe(false);
  });

  it('is not met with no ballots', () => {
    expect(quorum(7, 0, TWO_THIRDS).met).toBe(false);
  });

  it('follows a custom fraction (3/4)', () => {
    const f = { numerator: 3, denominator: 4 };
    expect(quorum(8, 5, f).met).toBe(false);
    expect(quorum(8, 6, f)).toEqual({ members: 8, submitted: 6, required: 6, met: true });
  });
});

describe('proposal council result', () => {
  const run = (members: number, b: ProposalBallot[], passMark = PASS_MARK, q = TWO_THIRDS) =>
    proposalResult({ members, ballots: b, passMark, quorum: q });

  it('recommends approval when the mean is exactly the pass mark and a majority approves', () => {
    const r = run(5, ballots([70, 'APPROVE'], [70, 'APPROVE'], [70, 'APPROVE'], [70, 'REJECT'], [70, 'REJECT']));
    expect(r.meanScore).toBe(70);
    expect(r.approvals).toBe(3);
    expect(r.voters).toBe(5);
    expect(r.quorum.met).toBe(true);
    expect(r.outcome).toBe('RECOMMEND_APPROVAL');
  });

  it('recommends approval with a mean of exactly 70 from unequal scores', () => {
    const r = run(7, ballots([60, 'APPROVE'], [80, 'APPROVE'], [65, 'APPROVE'], [75, 'APPROVE'], [70, 'APPROVE']));
    expect(r.meanScore).toBe(70);
    expect(r.outcome).toBe('RECOMMEND_APPROVAL');
  });

  it('recommends rejection at a mean of 69.99', () => {
    const r = run(5, repeat(5, { totalScore: 69.99, recommendation: 'APPROVE' as const }));
    expect(r.meanScore).toBe(69.99);
    expect(r.outcome).toBe('RECOMMEND_REJECTION');
  });

  it('recommends rejection one point under on integer totals (mean 69.8)', () => {
    const r = run(5, ballots([70, 'APPROVE'], [70, 'APPROVE'], [70, 'APPROVE'], [70, 'APPROVE'], [69, 'APPROVE']));
    expect(r.meanScore).toBe(69.8);
    expect(r.outcome).toBe('RECOMMEND_REJECTION');
  });

  it('follows a custom pass mark', () => {
    const b = ballots([75, 'APPROVE'], [75, 'APPROVE'], [75, 'APPROVE'], [75, 'APPROVE'], [75, 'APPROVE']);
    expect(run(5, b, 75).outcome).toBe('RECOMMEND_APPROVAL');
    expect(run(5, b, 76).outcome).toBe('RECOMMEND_REJECTION');
  });

  it('refuses when exactly half approve (half is not more than half)', () => {
    const r = run(6, ballots([90, 'APPROVE'], [90, 'APPROVE'], [90, 'REJECT'], [90, 'REJECT']));
    expect(r.quorum.met).toBe(true);
    expect(r.approvals).toBe(2);
    expect(r.outcome).toBe('RECOMMEND_REJECTION');
  });

  it('refuses when exactly half approve out of six voters', () => {
    const r = run(
      6,
      ballots([90, 'APPROVE'], [90, 'APPROVE_WITH_REVISIONS'], [90, 'APPROVE'], [90, 'REJECT'], [90, 'REJECT'], [90, 'REJECT']),
    );
    expect(r.approvals).toBe(3);
    expect(r.outcome).toBe('RECOMMEND_REJECTION');
  });

  it('passes with more than half approving', () => {
    expect(run(6, ballots([90, 'APPROVE'], [90, 'APPROVE'], [90, 'APPROVE'], [90, 'REJECT'])).outcome).toBe('RECOMMEND_APPROVAL');
    expect(run(7, ballots([90, 'APPROVE'], [90, 'APPROVE'], [90, 'APPROVE'], [90, 'REJECT'], [90, 'REJECT'])).outcome).toBe(
      'RECOMMEND_APPROVAL',
    );
  });

  it('refuses with a minority approving even with high scores', () => {
    expect(run(7, ballots([95, 'APPROVE'], [95, 'APPROVE'], [95, 'REJECT'], [95, 'REJECT'], [95, 'REJECT'])).outcome).toBe(
      'RECOMMEND_REJECTION',
    );
  });

  it('counts APPROVE_WITH_REVISIONS as an approval', () => {
    const r = run(
      5,
      ballots(
        [80, 'APPROVE_WITH_REVISIONS'],
        [80, 'APPROVE_WITH_REVISIONS'],
        [80, 'APPROVE_WITH_REVISIONS'],
        [80, 'REJECT'],
        [80, 'REJECT'],
      ),
    );
    expect(r.approvals).toBe(3);
    expect(r.outcome).toBe('RECOMMEND_APPROVAL');
  });

  it('needs both conditions: a majority with a low mean is refused', () => {
    expect(run(5, ballots([60, 'APPROVE'], [60, 'APPROVE'], [60, 'APPROVE'], [60, 'APPROVE'], [60, 'APPROVE'])).outcome).toBe(
      'RECOMMEND_REJECTION',
    );
  });

  it('has no outcome without a quorum (4 of 7), though it reports what it has', () => {
    const r = run(7, ballots([95, 'APPROVE'], [95, 'APPROVE'], [95, 'APPROVE'], [95, 'APPROVE']));
    expect(r.quorum).toEqual({ members: 7, submitted: 4, required: 5, met: false });
    expect(r.outcome).toBeNull();
    expect(r.meanScore).toBe(95);
    expect(r.approvals).toBe(4);
  });

  it('has an outcome at exactly the quorum (5 of 7)', () => {
    const r = run(7, repeat(5, { totalScore: 95, recommendation: 'APPROVE' as const }));
    expect(r.quorum.met).toBe(true);
    expect(r.outcome).toBe('RECOMMEND_APPROVAL');
  });

  it('has no outcome and no mean with no ballots or no members', () => {
    expect(run(7, [])).toEqual({
      quorum: { members: 7, submitted: 0, required: 5, met: false },
      meanScore: null,
      approvals: 0,
      voters: 0,
      outcome: null,
    });
    expect(run(0, []).outcome).toBeNull();
    expect(run(0, []).meanScore).toBeNull();
  });

  it('rounds the mean to two decimals', () => {
    expect(run(3, ballots([70, 'APPROVE'], [71, 'APPROVE'], [71, 'APPROVE'])).meanScore).toBe(70.67);
  });
});

describe('acceptance council grade', () => {
  const run = (
    members: number,
    r: Rating[],
    opts: Partial<{ grade: Fraction; late: boolean; lateDowngrade: boolean; quorum: Fraction }> = {},
  ) =>
    acceptanceResult({
      members,
      ratings: r,
      grade: THREE_QUARTERS,
      late: false,
      lateDowngrade: DEFAULT_SETTINGS.lateDowngrade,
      quorum: TWO_THIRDS,
      ...opts,
    });

  it('counts the ratings', () => {
    expect(run(8, ratings(3, 4, 1)).counts).toEqual({ EXCELLENT: 3, PASS: 4, FAIL: 1 });
  });

  it('is EXCELLENT with exactly 3/4 Excellent and no Fail', () => {
    const r = run(4, ratings(3, 1, 0));
    expect(r.gradeBeforeLateness).toBe('EXCELLENT');
    expect(r.grade).toBe('EXCELLENT');
    expect(r.downgradedForLateness).toBe(false);
    expect(run(8, ratings(6, 2, 0)).grade).toBe('EXCELLENT');
  });

  it('is EXCELLENT when all rate Excellent', () => {
    expect(run(7, ratings(7, 0, 0)).grade).toBe('EXCELLENT');
  });

  it('is not EXCELLENT with 3/4 Excellent and one Fail; PASS when the pass share is reached', () => {
    expect(run(8, ratings(6, 1, 1)).grade).toBe('PASS'); // 7/8 Pass-or-better
    expect(run(4, ratings(3, 0, 1)).grade).toBe('PASS'); // 3/4 Pass-or-better exactly
    expect(run(8, ratings(7, 0, 1)).grade).toBe('PASS');
  });

  it('is not EXCELLENT with 3/4 Excellent and one Fail; FAIL when the (stricter) pass share is not reached', () => {
    // With one share for both grades, 3/4 Excellent always reaches 3/4 Pass-or-better; a grade share of 1/1
    // shows the Fail branch: 1/1 Excellent is impossible with a Fail, and 1/1 Pass-or-better is not reached.
    expect(run(4, ratings(3, 0, 1), { grade: { numerator: 1, denominator: 1 } }).grade).toBe('FAIL');
  });

  it('is PASS just under 3/4 Excellent', () => {
    expect(run(8, ratings(5, 3, 0)).grade).toBe('PASS'); // 5/8
    expect(run(7, ratings(5, 2, 0)).grade).toBe('PASS'); // 5/7 = 0.714
    expect(run(5, ratings(3, 2, 0)).grade).toBe('PASS'); // 3/5
  });

  it('is PASS with exactly 3/4 Pass-or-better', () => {
    expect(run(8, ratings(0, 6, 2)).grade).toBe('PASS');
    expect(run(8, ratings(3, 3, 2)).grade).toBe('PASS');
    expect(run(4, ratings(0, 3, 1)).grade).toBe('PASS');
  });

  it('is FAIL under 3/4 Pass-or-better', () => {
    expect(run(8, ratings(0, 5, 3)).grade).toBe('FAIL');
    expect(run(7, ratings(5, 0, 2)).grade).toBe('FAIL'); // 5/7 < 3/4
    expect(run(6, ratings(2, 2, 2)).grade).toBe('FAIL');
    expect(run(5, ratings(0, 0, 5)).grade).toBe('FAIL');
  });

  it('measures the share against the voters, not all members', () => {
    // 9 members, 6 voted (quorum 6): 5/6 Excellent >= 3/4, although 5/9 of the members is not.
    expect(run(9, ratings(5, 1, 0)).grade).toBe('EXCELLENT');
  });

  it('downgrades a late dossier: EXCELLENT -> PASS', () => {
    const r = run(4, ratings(4, 0, 0), { late: true });
    expect(r.gradeBeforeLateness).toBe('EXCELLENT');
    expect(r.grade).toBe('PASS');
    expect(r.downgradedForLateness).toBe(true);
  });

  it('downgrades a late dossier: PASS -> FAIL', () => {
    const r = run(4, ratings(0, 4, 0), { late: true });
    expect(r.gradeBeforeLateness).toBe('PASS');
    expect(r.grade).toBe('FAIL');
    expect(r.downgradedForLateness).toBe(true);
  });

  it('keeps FAIL for a late dossier without marking a downgrade', () => {
    const r = run(4, ratings(0, 1, 3), { late: true });
    expect(r.gradeBeforeLateness).toBe('FAIL');
    expect(r.grade).toBe('FAIL');
    expect(r.downgradedForLateness).toBe(false);
  });

  it('keeps the grade of a late dossier when lateDowngrade is off', () => {
    const e = run(4, ratings(4, 0, 0), { late: true, lateDowngrade: false });
    expect(e.grade).toBe('EXCELLENT');
    expect(e.downgradedForLateness).toBe(false);
    const p = run(4, ratings(0, 4, 0), { late: true, lateDowngrade: false });
    expect(p.grade).toBe('PASS');
    expect(p.downgradedForLateness).toBe(false);
  });

  it('does not downgrade an on-time dossier', () => {
    const r = run(4, ratings(4, 0, 0), { late: false, lateDowngrade: true });
    expect(r.grade).toBe('EXCELLENT');
    expect(r.downgradedForLateness).toBe(false);
  });

  it('has no grade without a quorum (4 of 7), late or not', () => {
    for (const late of [false, true]) {
      const r = run(7, ratings(4, 0, 0), { late });
      expect(r.quorum).toEqual({ members: 7, submitted: 4, required: 5, met: false });
      expect(r.gradeBeforeLateness).toBeNull();
      expect(r.grade).toBeNull();
      expect(r.downgradedForLateness).toBe(false);
      expect(r.counts).toEqual({ EXCELLENT: 4, PASS: 0, FAIL: 0 });
    }
  });

  it('has a grade at exactly the quorum (5 of 7)', () => {
    expect(run(7, ratings(5, 0, 0)).grade).toBe('EXCELLENT');
  });

  it('has no grade with zero members or no ratings', () => {
    expect(run(0, []).grade).toBeNull();
    expect(run(7, []).grade).toBeNull();
  });

  describe('custom grade share 2/3', () => {
    const grade = { numerator: 2, denominator: 3 };
    it('EXCELLENT at exactly 2/3 Excellent (FAIL-free), which is only PASS under 3/4', () => {
      expect(run(6, ratings(4, 2, 0), { grade }).grade).toBe('EXCELLENT');
      expect(run(6, ratings(4, 2, 0)).grade).toBe('PASS');
    });
    it('PASS just under 2/3 Excellent', () => {
      expect(run(6, ratings(3, 3, 0), { grade }).grade).toBe('PASS');
    });
    it('PASS at exactly 2/3 Pass-or-better, which is FAIL under 3/4', () => {
      expect(run(6, ratings(0, 4, 2), { grade }).grade).toBe('PASS');
      expect(run(6, ratings(0, 4, 2)).grade).toBe('FAIL');
    });
    it('FAIL under 2/3 Pass-or-better', () => {
      expect(run(6, ratings(1, 2, 3), { grade }).grade).toBe('FAIL');
    });
    it('still no EXCELLENT with a Fail', () => {
      expect(run(6, ratings(5, 0, 1), { grade }).grade).toBe('PASS');
    });
  });

  it('follows a custom quorum fraction (1/2)', () => {
    const q = { numerator: 1, denominator: 2 };
    expect(run(8, ratings(4, 0, 0), { quorum: q }).grade).toBe('EXCELLENT');
    expect(run(8, ratings(3, 0, 0), { quorum: q }).grade).toBeNull();
  });
});
