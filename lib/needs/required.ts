// Without zod: the needs form marks these fields on first load, while its schemas (./schemas.ts, where
// ZNeedsReadyToSubmit requires exactly these) are fetched when the form is first used.

/** The fields "ready to submit" (ZNeedsReadyToSubmit) requires. */
export const NEEDS_REQUIRED_TO_SUBMIT = [
  'field',
  'problem',
  'objectives',
  'expectedResults',
  'applyingUnits',
  'durationMonths',
  'budgetEstimate',
] as const;
