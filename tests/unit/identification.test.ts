import { describe, expect, it } from 'vitest';
import { identificationResult, type NeedsRatingVote } from '@/lib/domain/identification';

const TWO_THIRDS = { numerator: 2, denominator: 3 };
const yes = (method: 'SELECTION' | 'DIRECT' = 'SELECTION', org: string | null = null): NeedsRatingVote => ({
  recommend: true,
  method,
  directOrganizationId: org,
});
const no: NeedsRatingVote = { recommend: false, method: null, directOrganizationId: null };

describe('the identification council result of one needs proposal', () => {
  it('has no result below the quorum (2/3 of the non-recused members)', () => {
    const r = identificationResult({ members: 7, votes: [yes(), yes(), yes(), yes()], quorum: TWO_THIRDS });
    expect(r.quorum).toEqual({ members: 7, submitted: 4, required: 5, met: false });
    expect(r.outcome).toBeNull();
    expect(r.method).toBeNull();
  });

  it('recommends ordering when more than half of the voters say so, by selection unless most chose direct', () => {
    const r = identificationResult({ members: 7, votes: [yes(), yes(), yes('DIRECT', 'o1'), no, no], quorum: TWO_THIRDS });
    expect(r).toMatchObject({ outcome: 'RECOMMEND', recommending: 3, voters: 5, method: 'SELECTION', directOrganizationId: null });
  });

  it('does not recommend on a tie (half is not more than half)', () => {
    const r = identificationResult({ members: 6, votes: [yes(), yes(), no, no], quorum: TWO_THIRDS });
    expect(r.outcome).toBe('NOT_RECOMMEND');
  });

  it('recommends direct assignment to the organization most of them named', () => {
    const votes = [yes('DIRECT', 'o2'), yes('DIRECT', 'o1'), yes('DIRECT', 'o2'), yes(), no];
    const r = identificationResult({ members: 5, votes, quorum: TWO_THIRDS });
    expect(r).toMatchObject({ outcome: 'RECOMMEND', method: 'DIRECT', directOrganizationId: 'o2' });
  });

  it('keeps selection when direct assignment has only half of those recommending', () => {
    const votes = [yes('DIRECT', 'o1'), yes('DIRECT', 'o1'), yes(), yes(), no];
    expect(identificationResult({ members: 5, votes, quorum: TWO_THIRDS }).method).toBe('SELECTION');
  });

  it('counts no council with no members as valid', () => {
    expect(identificationResult({ members: 0, votes: [], quorum: TWO_THIRDS }).outcome).toBeNull();
  });
});
