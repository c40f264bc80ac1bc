import { describe, expect, it } from 'vitest';
import { councilStageOf, decisionBlock } from '@/lib/domain/decisions';

const met = { met: true, submitted: 5, required: 5 };
const short = { met: false, submitted: 3, required: 5 };
const held = { valid: true, recorded: 1 };
const notHeld = { valid: false, recorded: 0 };

describe('when the leader may decide on a council result', () => {
  it('needs a council, then a quorum, for every decision', () => {
    for (const d of ['approve', 'reject', 'accept', 'fail'] as const) {
      expect(decisionBlock(d, null)).toEqual({ code: 'noCouncil' });
      expect(decisionBlock(d, { quorum: short, meeting: held, grade: 'PASS' })).toEqual({ code: 'quorum', submitted: 3, required: 5 });
    }
  });

  it('needs a valid meeting of the council as well as the quorum', () => {
    for (const d of ['approve', 'reject', 'accept', 'fail'] as const) {
      expect(decisionBlock(d, { quorum: met, meeting: notHeld, grade: 'PASS' })).toEqual({ code: 'meeting', recorded: 0 });
      expect(decisionBlock(d, { quorum: met, meeting: { valid: false, recorded: 2 }, grade: 'FAIL' })).toEqual({
        code: 'meeting',
        recorded: 2,
      });
    }
  });

  it('lets the leader approve or reject against the recommendation once the quorum is met', () => {
    expect(decisionBlock('approve', { quorum: met, meeting: held })).toBeNull();
    expect(decisionBlock('reject', { quorum: met, meeting: held })).toBeNull();
  });

  it('accepts only on Pass or Excellent, and fails only on Fail', () => {
    expect(decisionBlock('accept', { quorum: met, meeting: held, grade: 'EXCELLENT' })).toBeNull();
    expect(decisionBlock('accept', { quorum: met, meeting: held, grade: 'PASS' })).toBeNull();
    expect(decisionBlock('accept', { quorum: met, meeting: held, grade: 'FAIL' })).toEqual({ code: 'gradeFail' });
    expect(decisionBlock('accept', { quorum: met, meeting: held, grade: null })).toEqual({ code: 'gradeFail' });
    expect(decisionBlock('fail', { quorum: met, meeting: held, grade: 'FAIL' })).toBeNull();
    expect(decisionBlock('fail', { quorum: met, meeting: held, grade: 'PASS' })).toEqual({ code: 'gradeNotFail' });
    expect(decisionBlock('fail', { quorum: met, meeting: held, grade: null })).toEqual({ code: 'gradeNotFail' });
  });

  it('names the council stage a status works with', () => {
    expect(councilStageOf('PROPOSED')).toBe('PROPOSAL');
    expect(councilStageOf('UNDER_REVIEW')).toBe('PROPOSAL');
    expect(councilStageOf('ACCEPTANCE_REVIEW')).toBe('ACCEPTANCE');
    expect(councilStageOf('RUNNING')).toBeNull();
    expect(councilStageOf('DRAFT')).toBeNull();
  });
});
