// The after-acceptance forms (result registration, contract liquidation, application reports): one schema each,
// read by the form in the browser and by the service on the server.
import * as z from '@/lib/domain/zod';
import { optionalText, requiredText } from '@/lib/domain/zod';
import { day, money, optionalMoney, recordId, version } from '@/lib/domain/inputs';

/** The organization submits (or, after a return, resubmits) its results for registration. */
export const ZRegistrationSubmit = z.object({ taskId: recordId, resultsSummary: requiredText(20_000, 20) });
export type TRegistrationSubmit = z.input<typeof ZRegistrationSubmit>;

/** The department returns the submission for completion, with what is missing. */
export const ZRegistrationReturn = z.object({ taskId: recordId, version, note: requiredText(5000, 5) });
export type TRegistrationReturn = z.input<typeof ZRegistrationReturn>;

/** The department records the registration certificate. */
export const ZRegistrationRegister = z.object({
  taskId: recordId,
  version,
  certificateNo: requiredText(60, 2),
  certificateDate: day,
});
export type TRegistrationRegister = z.input<typeof ZRegistrationRegister>;

/** The contract's liquidation record: number, date and the money settled, whole đồng. */
export const ZLiquidation = z.object({
  taskId: recordId,
  recordNo: requiredText(60, 2),
  liquidatedOn: day,
  disbursed: money,
  spent: money,
  refunded: money,
  note: optionalText(5000),
});
export type TLiquidation = z.input<typeof ZLiquidation>;

/** A yearly report on where the results are applied and what they bring. */
export const ZApplicationReport = z.object({
  taskId: recordId,
  dueDate: day,
  applicationPlaces: requiredText(20_000, 10),
  benefits: requiredText(20_000, 10),
  revenue: optionalMoney,
});
export type TApplicationReport = z.input<typeof ZApplicationReport>;

export const ZApplicationReview = z
  .object({ reportId: recordId, status: z.enum(['REVIEWED', 'NEEDS_REVISION']), note: optionalText(5000) })
  .check(
    z.refine((v) => v.status === 'REVIEWED' || (v.note && v.note.length >= 5), { path: ['note'], message: 'validation.revisionNote' }),
  );
export type TApplicationReview = z.input<typeof ZApplicationReview>;
