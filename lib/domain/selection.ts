// The selection council's result over the dossiers of one listed task (domain.md phase 2 step 5). Pure.
// Each dossier has its own proposal result (quorum, mean score, recommendation, lib/domain/grading.ts); the
// dossiers are ranked by mean score (equal means share a rank), and the council recommends the best one that
// passes on its own (mean at least the pass mark and more than half recommending). A direct assignment has one
// dossier, which must pass. Two passing dossiers sharing the best mean: no recommendation, the leader chooses.

export type DossierResult = {
  taskId: string;
  meanScore: number | null;
  /** null while the dossier's quorum is not met. */
  outcome: 'RECOMMEND_APPROVAL' | 'RECOMMEND_REJECTION' | null;
};

export type RankedDossier = DossierResult & { rank: number | null; passes: boolean };

export type SelectionResult = {
  /** Every dossier has a valid result (quorum met): the leader may decide. */
  complete: boolean;
  ranked: RankedDossier[];
  recommendedTaskId: string | null;
  /** Two or more passing dossiers share the best mean score. */
  tie: boolean;
};

export function selectionResult(dossiers: DossierResult[]): SelectionResult {
  const complete = dossiers.length > 0 && dossiers.every((d) => d.outcome !== null);
  const scored = [...dossiers].sort((a, b) => (b.meanScore ?? -1) - (a.meanScore ?? -1) || a.taskId.localeCompare(b.taskId));
  const ranked = scored.map((d) => ({
    ...d,
    // Competition ranking: 1, 2, 2, 4 (a dossier without a valid result has no rank).
    rank:
      d.outcome === null || d.meanScore === null
        ? null
        : 1 + scored.filter((o) => o.outcome !== null && (o.meanScore ?? -1) > d.meanScore!).length,
    passes: d.outcome === 'RECOMMEND_APPROVAL',
  }));
  const passing = ranked.filter((d) => d.passes);
  const best = passing[0];
  const tie = !!best && passing.filter((d) => d.meanScore === best.meanScore).length > 1;
  return { complete, ranked, recommendedTaskId: complete && best && !tie ? best.taskId : null, tie: complete && tie };
}

/**
 * Whether the leader's choice goes against the council (a reason is then required): choosing another dossier than
 * the recommended one, choosing a dossier that does not pass, or choosing none while one passes.
 */
export function againstRecommendation(result: SelectionResult, selectedTaskId: string | null): boolean {
  if (selectedTaskId === null) return result.ranked.some((d) => d.passes);
  const chosen = result.ranked.find((d) => d.taskId === selectedTaskId);
  if (!chosen?.passes) return true;
  return result.recommendedTaskId !== null && result.recommendedTaskId !== selectedTaskId;
}
