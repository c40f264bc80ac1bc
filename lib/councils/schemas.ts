import * as z from '@/lib/domain/zod';
import { optionalText } from '@/lib/domain/zod';
import { POSITIONS } from '@/lib/domain/council-rules';
import { optionalVnDateTime, recordId, version, vnDateTime } from '@/lib/domain/inputs';
import type { Criterion } from '@/lib/domain/settings';

export const ZFormCouncil = z.object({
  taskId: recordId,
  version,
  stage: z.enum(['PROPOSAL', 'ACCEPTANCE']),
  meetingAt: optionalVnDateTime,
  members: z.array(z.object({ userId: recordId, position: z.enum(POSITIONS) })).check(z.minLength(1), z.maxLength(25)),
});
export type TFormCouncil = z.input<typeof ZFormCouncil>;

export const ZDeclareConflict = z
  .object({ memberId: recordId, hasConflict: z.boolean(), reason: optionalText(2000) })
  .check(z.refine((v) => !v.hasConflict || (v.reason && v.reason.length >= 5), { path: ['reason'], message: 'validation.conflictReason' }));

export const ZReplaceMember = z.object({ memberId: recordId, userId: recordId });

import { RATINGS, RECOMMENDATIONS } from './choices';

export { RATINGS, RECOMMENDATIONS } from './choices';

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) => z.emptyAsUndefined(z.enum(values));

/**
 * A proposal-stage ballot, built from the department's current criteria so that the form and the server check
 * the same maxima. `submit` makes every score and the recommendation required; a draft may be partial.
 */
export function proposalBallotSchema(criteria: readonly Criterion[]) {
  const scores = z.object(
    Object.fromEntries(
      criteria.map((c) => [
        c.key,
        z.preprocess(
          (v) => (v === '' || v === null ? undefined : v),
          z.optional(
            z.coerce
              .number()
              .check(z.int('validation.wholeNumber'), z.gte(0, 'validation.scoreNegative'), z.lte(c.max, 'validation.scoreAboveMax')),
          ),
        ),
      ]),
    ),
  );
  return z
    .object({
      memberId: recordId,
      submit: z._default(z.boolean(), false),
      scores,
      recommendation: optionalChoice(RECOMMENDATIONS),
      comments: optionalText(10_000),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (!v.submit) return;
        for (const c of criteria)
          if ((v.scores as Record<string, number | undefined>)[c.key] === undefined)
            ctx.addIssue({ code: 'custom', path: ['scores', c.key], message: 'validation.required' });
        if (!v.recommendation) ctx.addIssue({ code: 'custom', path: ['recommendation'], message: 'validation.required' });
      }),
    );
}

/** An acceptance-stage ballot: a rating per expected product and for the final report, and an overall rating. */
export function acceptanceBallotSchema(productCount: number) {
  return z
    .object({
      memberId: recordId,
      submit: z._default(z.boolean(), false),
      productRatings: z.array(optionalChoice(RATINGS)).check(z.length(productCount, 'validation.invalid')),
      reportRating: optionalChoice(RATINGS),
      overallRating: optionalChoice(RATINGS),
      comments: optionalText(10_000),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (!v.submit) return;
        v.productRatings.forEach((r, i) => {
          if (!r) ctx.addIssue({ code: 'custom', path: ['productRatings', i], message: 'validation.required' });
        });
        if (!v.reportRating) ctx.addIssue({ code: 'custom', path: ['reportRating'], message: 'validation.required' });
        if (!v.overallRating) ctx.addIssue({ code: 'custom', path: ['overallRating'], message: 'validation.required' });
      }),
    );
}

/**
 * What a ballot form sends, at either stage: the type of the action's input. The service checks it against the
 * schema of the seat's own stage and the department's current criteria (proposalBallotSchema,
 * acceptanceBallotSchema), which the forms also validate with.
 */
export const ZBallotInput = z.looseObject({ memberId: recordId });

/**
 * A council meeting as recorded: when, where (or online), who presided, each member's attendance. The council is
 * a task's (or, for a selection council, any of the listed task's dossier councils: the meeting is the group's)
 * or an identification council.
 */
export const ZRecordMeeting = z.object({
  target: z.enum(['council', 'identification']),
  councilId: recordId,
  heldAt: vnDateTime,
  place: optionalText(300),
  online: z._default(z.boolean(), false),
  presidingUserId: z.pipe(z.string().check(z.trim(), z.minLength(1, 'validation.choose')), recordId),
  attendance: z
    .array(z.object({ userId: recordId, present: z.boolean(), online: z._default(z.boolean(), false) }))
    .check(z.minLength(1), z.maxLength(25)),
  minutesNote: optionalText(5000),
});
export type TRecordMeeting = z.input<typeof ZRecordMeeting>;
