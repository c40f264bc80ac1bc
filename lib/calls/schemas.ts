import * as z from '@/lib/domain/zod';
import { optionalText, requiredText } from '@/lib/domain/zod';
import { SCIENCE_FIELDS } from '@/lib/domain/task-status';
import { recordId, vnDateTime } from '@/lib/domain/inputs';

import { CALL_KINDS } from './kinds';

export { CALL_KINDS, type CallKind } from './kinds';

export const ZCall = z
  .object({
    kind: z._default(z.enum(CALL_KINDS), 'SELECTION'),
    title: requiredText(300, 5),
    year: z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100)),
    description: optionalText(10_000),
    fields: z._default(z.array(z.enum(SCIENCE_FIELDS)).check(z.maxLength(SCIENCE_FIELDS.length)), []),
    opensAt: vnDateTime,
    closesAt: vnDateTime,
  })
  .check(z.refine((v) => v.closesAt > v.opensAt, { path: ['closesAt'], message: 'validation.closesBeforeOpens' }));
export type TCall = z.input<typeof ZCall>;

/**
 * An edit of a call: its id beside the same fields as a new one (so the form's fields are named alike). Its kind is
 * what it was created as: what answers it (needs proposals or dossiers) depends on it.
 */
export const ZUpdateCall = z.safeExtend(ZCall, { callId: recordId });
