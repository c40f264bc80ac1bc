import * as z from '@/lib/domain/zod';
import { optionalText, requiredText } from '@/lib/domain/zod';
import { day, money, recordId, version } from '@/lib/domain/inputs';

export const ZProgressReport = z.object({
  taskId: recordId,
  dueDate: day,
  workDone: requiredText(20_000, 10),
  productsSoFar: requiredText(20_000, 5),
  amountSpent: money,
});
export type TProgressReport = z.input<typeof ZProgressReport>;

export const ZReviewReport = z
  .object({ reportId: recordId, status: z.enum(['REVIEWED', 'NEEDS_REVISION']), note: optionalText(5000) })
  .check(
    z.refine((v) => v.status === 'REVIEWED' || (v.note && v.note.length >= 5), { path: ['note'], message: 'validation.revisionNote' }),
  );

export const ZExtensionRequest = z.object({ taskId: recordId, requestedEndDate: day, reason: requiredText(5000, 10) });
export type TExtensionRequest = z.input<typeof ZExtensionRequest>;

export const ZExtensionDecision = z
  .object({ requestId: recordId, version, approve: z.boolean(), note: optionalText(5000) })
  .check(z.refine((v) => v.approve || (v.note && v.note.length >= 5), { path: ['note'], message: 'validation.decisionReason' }));
