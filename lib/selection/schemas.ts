import * as z from '@/lib/domain/zod';
import { optionalText } from '@/lib/domain/zod';
import { POSITIONS } from '@/lib/domain/council-rules';
import { optionalVnDateTime, recordId, version } from '@/lib/domain/inputs';

/** The selection council of a listed task: its members (the same for every dossier), the meeting. */
export const ZFormSelectionCouncil = z.object({
  listedTaskId: recordId,
  version,
  meetingAt: optionalVnDateTime,
  members: z.array(z.object({ userId: recordId, position: z.enum(POSITIONS) })).check(z.minLength(1), z.maxLength(25)),
});
export type TFormSelectionCouncil = z.input<typeof ZFormSelectionCouncil>;

/**
 * The leader's selection decision: the dossier selected (empty: none, the listed task stays unassigned); a reason
 * when it goes against the council (checked on the server, which knows). The selected dossier then goes through
 * revision and appraisal to its approval decision (lib/tasks/appraisal.ts).
 */
export const ZDecideSelection = z.object({
  listedTaskId: recordId,
  version,
  selectedTaskId: z.emptyAsUndefined(recordId),
  reason: optionalText(5_000),
});
export type TDecideSelection = z.input<typeof ZDecideSelection>;
