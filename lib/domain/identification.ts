// The identification council's result for one needs proposal (domain.md, phase 1, step 2). Pure.
// Each member rates each proposal of the batch: order it (with a refined name, objectives, products and a
// method) or not. The result is valid with the council's quorum of non-recused members; the council recommends
// ordering when more than half of those who rated it say so.
import { quorum, type Fraction, type Quorum } from './grading';
import type { TaskParties } from './council-rules';

/** How a listed task finds its host: open selection, or direct assignment to one named organization. */
export const ASSIGNMENT_METHODS = ['SELECTION', 'DIRECT'] as const;
export type AssignmentMethod = (typeof ASSIGNMENT_METHODS)[number];

/** The parties of a batch of needs proposals, for the council rules: only the proposing organizations are barred. */
export function batchParties(proposerOrganizationIds: string[]): TaskParties {
  return {
    hostOrganizationId: '',
    partnerOrganizationIds: [],
    piEmail: null,
    piName: null,
    teamNames: [],
    recusedUserIds: [],
    proposerOrganizationIds: [...new Set(proposerOrganizationIds)],
  };
}

export type NeedsRatingVote = {
  recommend: boolean;
  method: AssignmentMethod | null;
  directOrganizationId: string | null;
};

export type IdentificationResult = {
  quorum: Quorum;
  voters: number;
  recommending: number;
  /** null while the quorum is not met: no valid result yet. */
  outcome: 'RECOMMEND' | 'NOT_RECOMMEND' | null;
  /** For a recommendation: direct assignment only when more than half of those recommending chose it. */
  method: AssignmentMethod | null;
  /** For direct assignment: the organization most of them named (the first named on a tie). */
  directOrganizationId: string | null;
};

export function identificationResult(input: { members: number; votes: NeedsRatingVote[]; quorum: Fraction }): IdentificationResult {
  const voters = input.votes.length;
  const q = quorum(input.members, voters, input.quorum);
  const yes = input.votes.filter((v) => v.recommend);
  const base = { quorum: q, voters, recommending: yes.length, method: null, directOrganizationId: null };
  if (!q.met) return { ...base, outcome: null };
  if (yes.length * 2 <= voters) return { ...base, outcome: 'NOT_RECOMMEND' };
  const direct = yes.filter((v) => v.method === 'DIRECT');
  if (direct.length * 2 <= yes.length) return { ...base, outcome: 'RECOMMEND', method: 'SELECTION' };
  const named = new Map<string, number>();
  for (const v of direct) if (v.directOrganizationId) named.set(v.directOrganizationId, (named.get(v.directOrganizationId) ?? 0) + 1);
  let best: string | null = null;
  for (const [org, n] of named) if (best === null || n > named.get(best)!) best = org;
  return { ...base, outcome: 'RECOMMEND', method: 'DIRECT', directOrganizationId: best };
}
