import * as z from '@/lib/domain/zod';
import { optionalText, requiredText } from '@/lib/domain/zod';
import { POSITIONS } from '@/lib/domain/council-rules';
import { ASSIGNMENT_METHODS } from '@/lib/domain/identification';
import { optionalVnDateTime, recordId, version } from '@/lib/domain/inputs';

/** An identification council over a batch of submitted needs proposals of one needs call. */
export const ZFormIdentificationCouncil = z.object({
  callId: recordId,
  name: requiredText(300, 5),
  meetingAt: optionalVnDateTime,
  needsIds: z.array(recordId).check(z.minLength(1, 'validation.chooseNeeds'), z.maxLength(300)),
  members: z.array(z.object({ userId: recordId, position: z.enum(POSITIONS) })).check(z.minLength(1), z.maxLength(25)),
});
export type TFormIdentificationCouncil = z.input<typeof ZFormIdentificationCouncil>;

export const ZDeclareIdentification = z
  .object({ memberId: recordId, hasConflict: z.boolean(), reason: optionalText(2000) })
  .check(z.refine((v) => !v.hasConflict || (v.reason && v.reason.length >= 5), { path: ['reason'], message: 'validation.conflictReason' }));

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) => z.emptyAsUndefined(z.enum(values));
const optionalId = z.emptyAsUndefined(recordId);

/**
 * One member's rating of one needs proposal. A draft may be partial; submitting needs the recommendation, and
 * for "order it" the refined name, objectives, products and the method; direct assignment names the
 * organization and the reason.
 */
export const ZNeedsRating = z
  .object({
    memberId: recordId,
    needsId: recordId,
    submit: z._default(z.boolean(), false),
    recommend: optionalChoice(['YES', 'NO'] as const),
    method: optionalChoice(ASSIGNMENT_METHODS),
    directOrganizationId: optionalId,
    directReason: optionalText(5_000),
    refinedTitle: optionalText(300),
    refinedObjectives: optionalText(10_000),
    refinedProducts: optionalText(10_000),
    comments: optionalText(10_000),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (!v.submit) return;
      const need = (path: string, present: unknown) => {
        if (!present) ctx.addIssue({ code: 'custom', path: [path], message: 'validation.required' });
      };
      need('recommend', v.recommend);
      if (v.recommend !== 'YES') return;
      need('refinedTitle', v.refinedTitle);
      need('refinedObjectives', v.refinedObjectives);
      need('refinedProducts', v.refinedProducts);
      need('method', v.method);
      if (v.method !== 'DIRECT') return;
      need('directOrganizationId', v.directOrganizationId);
      need('directReason', v.directReason);
    }),
  );
export type TNeedsRating = z.input<typeof ZNeedsRating>;

export const ZConcludeIdentification = z.object({ councilId: recordId, version });
