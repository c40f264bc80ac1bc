import { z, optionalText, requiredText } from '@/lib/domain/zod';
import { day, money } from '@/lib/domain/inputs';

export const ZProgressReport = z.object({
  taskId: z.string().min(1),
  dueDate: day,
  workDone: requiredText(20_000, 10),
  productsSoFar: requiredText(20_000, 5),
  amountSpent: money,
});
export type TProgressReport = z.input<typeof ZProgressReport>;

export const ZReviewReport = z
  .object({ reportId: z.string().min(1), status: z.enum(['REVIEWED', 'NEEDS_REVISION']), note: optionalText(5000) })
  .refine((v) => v.status === 'REVIEWED' || (v.note && v.note.length >= 5), { path: ['note'], message: 'validation.revisionNote' });

export const ZExtensionRequest = z.object({ taskId: z.string().min(1), requestedEndDate: day, reason: requiredText(5000, 10) });
export type TExtensionRequest = z.input<typeof ZExtensionRequest>;

export const ZExtensionDecision = z
  .object({ requestId: z.string().min(1), version: z.coerce.number().int().min(1), approve: z.boolean(), note: optionalText(5000) })
  .refine((v) => v.approve || (v.note && v.note.length >= 5), { path: ['note'], message: 'validation.decisionReason' });
