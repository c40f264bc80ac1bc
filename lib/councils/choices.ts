// The choices of a ballot, without zod: the ballot forms list them on first load, while their schemas
// (./schemas.ts) are fetched when a form is first used.

/** A proposal-stage recommendation. */
export const RECOMMENDATIONS = ['APPROVE', 'APPROVE_WITH_REVISIONS', 'REJECT'] as const;
/** An acceptance-stage rating (of a product, of the final report, overall). */
export const RATINGS = ['EXCELLENT', 'PASS', 'FAIL'] as const;
