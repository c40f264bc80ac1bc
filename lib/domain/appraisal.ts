// The appraisal of a selected dossier (domain.md phase 2 step 6): the appraisal group sets the state budget item
// by item; the approved state budget is the items' sum and may exceed what the dossier requested only with a
// reason. Pure.

export type AppraisalItem = { name: string; requested: bigint; appraised: bigint };

export type AppraisalTotals = {
  /** The approved state budget: the sum of the appraised amounts. */
  approved: bigint;
  /** The approved state budget is above the dossier's requested state budget (a reason is required). */
  aboveRequest: boolean;
};

export function appraisalTotals(items: readonly Pick<AppraisalItem, 'appraised'>[], requestedStateBudget: bigint): AppraisalTotals {
  const approved = items.reduce((a, i) => a + i.appraised, 0n);
  return { approved, aboveRequest: approved > requestedStateBudget };
}
