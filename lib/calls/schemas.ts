import { z, optionalText, requiredText } from '@/lib/domain/zod';
import { SCIENCE_FIELDS } from '@/lib/domain/task-status';
import { parseVietnamLocalDateTime } from '@/lib/domain/format';

/** A wall-clock time in Vietnam from a datetime-local input ("2026-12-31T17:00"). */
const vnDateTime = z.string().trim().transform((s, ctx) => {
  const d = parseVietnamLocalDateTime(s);
  if (!d) {
    ctx.addIssue({ code: 'custom', message: 'validation.dateTime' });
    return z.NEVER;
  }
  return d;
});

export const ZCall = z
  .object({
    title: requiredText(300, 5),
    year: z.coerce.number().int().min(2000).max(2100),
    description: optionalText(10_000),
    fields: z.array(z.enum(SCIENCE_FIELDS)).max(SCIENCE_FIELDS.length).default([]),
    opensAt: vnDateTime,
    closesAt: vnDateTime,
  })
  .refine((v) => v.closesAt > v.opensAt, { path: ['closesAt'], message: 'validation.closesBeforeOpens' });
export type TCall = z.input<typeof ZCall>;

export const ZUpdateCall = z.object({ callId: z.string().min(1), call: ZCall });
