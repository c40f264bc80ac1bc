import * as z from '@/lib/domain/zod';
import { optionalText, requiredText } from '@/lib/domain/zod';
import { SCIENCE_FIELDS } from '@/lib/domain/task-status';
import { NEEDS_STATUSES } from '@/lib/domain/needs-workflow';
import {
  intIn,
  money,
  neededToSubmit,
  optionalId,
  optionalInt,
  optionalMoney,
  pageField,
  recordId,
  searchText,
  version,
} from '@/lib/domain/inputs';

const optionalField = z.emptyAsUndefined(z.enum(SCIENCE_FIELDS));

/** A needs proposal's content (domain.md, phase 1): in a draft everything may stay empty except the name. */
const needsShape = {
  title: requiredText(300, 10),
  field: optionalField,
  /** The problem and why it is urgent. */
  problem: optionalText(10_000),
  objectives: optionalText(10_000),
  /** Expected results and products. */
  expectedResults: optionalText(10_000),
  /** Who will apply the results (đơn vị ứng dụng). */
  applyingUnits: optionalText(2_000),
  durationMonths: optionalInt(1, 60),
  budgetEstimate: optionalMoney,
  /** The province's S&T program it belongs to, if any (one active this year). */
  programId: optionalId,
};

export const ZCreateNeeds = z.object({ callId: recordId, ...needsShape });
export const ZUpdateNeeds = z.object({ needsId: recordId, version, ...needsShape });

/** "Ready to submit": every field a needs proposal needs; checked on the stored proposal and by the form. */
export const ZNeedsReadyToSubmit = z.object({
  ...needsShape,
  field: neededToSubmit(z.enum(SCIENCE_FIELDS)),
  problem: neededToSubmit(requiredText(10_000, 20)),
  objectives: neededToSubmit(requiredText(10_000, 20)),
  expectedResults: neededToSubmit(requiredText(10_000, 20)),
  applyingUnits: neededToSubmit(requiredText(2_000, 3)),
  durationMonths: neededToSubmit(intIn(1, 60)),
  budgetEstimate: neededToSubmit(money.check(z.refine((n) => n > 0n, 'validation.moneyPositive'))),
});
export { NEEDS_REQUIRED_TO_SUBMIT } from './required';

const ref = { needsId: recordId, version };
export const ZNeedsRef = z.object(ref);
export const ZReturnNeeds = z.object({ ...ref, note: requiredText(5_000, 5) });
export const ZMergeNeeds = z.object({ ...ref, intoId: recordId });

export const ZNeedsFilter = z.object({
  callId: z.catch(z.optional(recordId), undefined),
  status: z.catch(z.optional(z.enum(NEEDS_STATUSES)), undefined),
  field: z.catch(z.optional(z.enum(SCIENCE_FIELDS)), undefined),
  organizationId: z.catch(z.optional(recordId), undefined),
  q: searchText(200),
  page: pageField,
});
