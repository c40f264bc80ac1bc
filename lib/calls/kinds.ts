// Without zod: the call form lists the kinds on first load, while its schema (./schemas.ts) is fetched when the
// form is first used.

/** A needs call (organizations propose needs) or a selection notice (dossiers answer listed tasks). */
export const CALL_KINDS = ['NEEDS', 'SELECTION'] as const;
export type CallKind = (typeof CALL_KINDS)[number];
