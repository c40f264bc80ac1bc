import { z, optionalText } from '@/lib/domain/zod';
import { POSITIONS } from '@/lib/domain/council-rules';
import { day, intIn, optionalVnDateTime, positiveMoney, recordId, version } from '@/lib/domain/inputs';

/** The selection council of a listed task: its members (the same for every dossier), the meeting. */
export const ZFormSelectionCouncil = z.object({
  listedTaskId: recordId,
  version,
  meetingAt: optionalVnDateTime,
  members: z
    .array(z.object({ userId: recordId, position: z.enum(POSITIONS) }))
    .min(1)
    .max(25),
});
export type TFormSelectionCouncil = z.input<typeof ZFormSelectionCouncil>;

/**
 * The leader's selection decision: the dossier selected (empty: none, the listed task stays unassigned), with the
 * approval decision for it; a reason when it goes against the council (checked on the server, which knows).
 */
export const ZDecideSelection = z
  .object({
    listedTaskId: recordId,
    version,
    selectedTaskId: z.preprocess((v) => (v === '' || v === null ? undefined : v), recordId.optional()),
    reason: optionalText(5_000),
    decisionNo: optionalText(50),
    decisionDate: z.preprocess((v) => (v === '' || v === null ? undefined : v), day.optional()),
    approvedBudget: z.preprocess((v) => (v === '' || v === null ? undefined : v), positiveMoney.optional()),
    approvedDurationMonths: z.preprocess((v) => (v === '' || v === null ? undefined : v), intIn(1, 60).optional()),
    note: optionalText(2_000),
  })
  .superRefine((v, ctx) => {
    if (!v.selectedTaskId) return;
    // Selecting a dossier approves it: the decision's number and date, the approved budget and duration.
    const need = (path: string, present: unknown) => {
      if (present === undefined || present === '') ctx.addIssue({ code: 'custom', path: [path], message: 'validation.required' });
    };
    need('decisionNo', v.decisionNo);
    need('decisionDate', v.decisionDate);
    need('approvedBudget', v.approvedBudget);
    need('approvedDurationMonths', v.approvedDurationMonths);
  });
export type TDecideSelection = z.input<typeof ZDecideSelection>;
