// Without zod: the proposal form marks these fields on first load, while its schemas (./schemas.ts, where
// ZReadyToSubmit requires exactly these) are fetched when the form is first used.

/** The fields "ready to submit" (ZReadyToSubmit) adds to a draft's. */
export const REQUIRED_TO_SUBMIT = [
  'type',
  'field',
  'piName',
  'piEmail',
  'piPhone',
  'objectives',
  'contentMethods',
  'expectedProducts',
  'applicationPlan',
  'budgetTotal',
  'budgetState',
  'durationMonths',
  'proposedStart',
] as const;
export type RequiredToSubmit = (typeof REQUIRED_TO_SUBMIT)[number];
