import * as z from '@/lib/domain/zod';
import { optionalText, requiredText } from '@/lib/domain/zod';
import { SCIENCE_FIELDS, TASK_TYPES, TASK_STATUSES } from '@/lib/domain/task-status';
import { enterpriseSupportProblems } from '@/lib/domain/programs';
import { MAX_STAT_YEAR, MIN_STAT_YEAR, TASK_FIGURES } from '@/lib/domain/statistics';
import {
  day,
  intIn,
  money,
  neededToSubmit,
  optionalDay,
  optionalId,
  optionalInt,
  optionalMoney,
  pageField,
  positiveMoney,
  recordId,
  searchText,
  version,
} from '@/lib/domain/inputs';
import type { RequiredToSubmit } from './required';

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.emptyAsUndefined(z.enum(values));

export const ZKeyMember = z.object({
  name: requiredText(100, 2),
  degree: optionalText(50),
  role: requiredText(100, 2),
  organization: optionalText(200),
});

export const ZExpectedProduct = z.object({
  name: requiredText(300, 2),
  kind: requiredText(100, 2),
  quantity: intIn(1, 100_000),
  quality: requiredText(1000, 2),
});

/** The proposal's content, field by field: in a draft everything may stay empty except the title. */
const contentShape = {
  title: requiredText(500, 10),
  type: optionalEnum(TASK_TYPES),
  field: optionalEnum(SCIENCE_FIELDS),
  callId: optionalText(50),
  /** The listed task the dossier competes for (phase 2); its notice becomes the dossier's call. */
  listedTaskId: optionalText(50),
  piName: optionalText(100),
  piDegree: optionalText(50),
  piTitle: optionalText(100),
  piEmail: z.preprocess((v) => (v === '' ? undefined : v), z.optional(z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.email()))),
  piPhone: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.optional(z.string().check(z.trim(), z.regex(/^[0-9+().\s-]{8,20}$/, 'validation.phone'))),
  ),
  keyMembers: z._default(z.array(ZKeyMember).check(z.maxLength(30)), []),
  partnerOrganizationIds: z._default(z.array(recordId).check(z.maxLength(10)), []),
  partnerNames: z._default(z.array(requiredText(200, 2)).check(z.maxLength(10)), []),
  objectives: optionalText(20_000),
  contentMethods: optionalText(50_000),
  expectedProducts: z._default(z.array(ZExpectedProduct).check(z.maxLength(50)), []),
  applicationPlan: optionalText(20_000),
  budgetTotal: optionalMoney,
  budgetState: optionalMoney,
  budgetOther: optionalMoney,
  durationMonths: optionalInt(1, 60),
  proposedStart: optionalDay,
  /** The province's S&T program it belongs to (a dossier for a listed task takes the listed task's). */
  programId: optionalId,
  /** Enterprise support kinds only (ENTERPRISE_SUPPORT_TYPES): the enterprise supported and the amount, whole đồng. */
  beneficiaryEnterprise: optionalText(300),
  supportAmount: optionalMoney,
};

type Checked = {
  type?: string;
  budgetTotal?: bigint;
  budgetState?: bigint;
  budgetOther?: bigint;
  beneficiaryEnterprise?: string;
  supportAmount?: bigint;
};

/**
 * The enterprise support rule (lib/domain/programs.ts): what is typed is checked; on submission it is required.
 * Checked even when other fields fail, so the form shows every missing field at once; an amount that failed its
 * own parse keeps its own message (only parsed amounts are compared).
 */
const checkSupport = (forSubmission: boolean) => (v: Checked, ctx: z.core.$RefinementCtx) => {
  const amount = (x: unknown) => (typeof x === 'bigint' ? x : null);
  if (v.supportAmount !== undefined && v.supportAmount !== null && amount(v.supportAmount) === null) return;
  const problems = enterpriseSupportProblems(
    {
      type: v.type,
      beneficiaryEnterprise: typeof v.beneficiaryEnterprise === 'string' ? v.beneficiaryEnterprise : null,
      supportAmount: amount(v.supportAmount),
      budgetState: amount(v.budgetState),
    },
    forSubmission,
  );
  for (const [path, messages] of Object.entries(problems))
    for (const message of messages) ctx.addIssue({ code: 'custom', path: [path], message });
};
/** Run the support check whenever there is an object to read (not on a missing or malformed input as a whole). */
const always = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

/** Budget rules of any proposal: state budget plus other sources equal the total, which is not zero. */
function checkBudget(v: Checked, ctx: z.core.$RefinementCtx) {
  if (v.budgetTotal !== undefined && v.budgetState !== undefined) {
    const other = v.budgetOther ?? 0n;
    if (v.budgetState + other !== v.budgetTotal) ctx.addIssue({ code: 'custom', path: ['budgetTotal'], message: 'validation.budgetSum' });
  }
  if (v.budgetTotal !== undefined && v.budgetTotal === 0n)
    ctx.addIssue({ code: 'custom', path: ['budgetTotal'], message: 'validation.moneyPositive' });
}

export const ZTaskContent = z.object(contentShape).check(z.superRefine(checkBudget), z.superRefine(checkSupport(false), always));
export type TTaskContent = z.input<typeof ZTaskContent>;

export const ZCreateTask = ZTaskContent;
/** An edit of a draft or returned proposal: its id and the version the user loaded beside the same fields. */
export const ZUpdateTask = z
  .object({ ...contentShape, taskId: recordId, version })
  .check(z.superRefine(checkBudget), z.superRefine(checkSupport(false), always));

const needed = neededToSubmit;

const neededShape = {
  type: needed(z.enum(TASK_TYPES)),
  field: needed(z.enum(SCIENCE_FIELDS)),
  piName: needed(requiredText(100)),
  piEmail: needed(z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.email())),
  piPhone: needed(z.string().check(z.trim(), z.regex(/^[0-9+().\s-]{8,20}$/, 'validation.phone'))),
  objectives: needed(requiredText(20_000)),
  contentMethods: needed(requiredText(50_000)),
  expectedProducts: needed(z.array(ZExpectedProduct).check(z.minLength(1), z.maxLength(50))),
  applicationPlan: needed(requiredText(20_000)),
  budgetTotal: needed(positiveMoney),
  budgetState: needed(money),
  durationMonths: needed(intIn(1, 60)),
  proposedStart: needed(day),
} satisfies Record<RequiredToSubmit, z.core.$ZodType>;

/**
 * "Ready to submit": the proposal's content with every field a submission needs (and, for an enterprise support
 * kind, the beneficiary enterprise and the support amount, at most the state budget). The one statement of it: the
 * server checks the stored proposal against it on submit (lib/tasks/service.ts), the edit form checks the same
 * schema in the browser, and its errors land on the form's own fields.
 */
export const ZReadyToSubmit = z
  .object({ ...contentShape, ...neededShape })
  .check(z.superRefine(checkBudget), z.superRefine(checkSupport(true), always));

/** The fields ZReadyToSubmit adds to a draft's (the form marks them): exactly neededShape's keys. */
export { REQUIRED_TO_SUBMIT } from './required';

const ref = { taskId: recordId, version };

export const ZTaskRef = z.object(ref);
export const ZWithdraw = z.object({ ...ref, reason: requiredText(2000, 5) });
export const ZReturn = z.object({ ...ref, comment: requiredText(5000, 5) });
export const ZReject = z.object({ ...ref, reason: requiredText(5000, 5) });
export const ZTerminate = z.object({ ...ref, reason: requiredText(5000, 5) });
export const ZApprove = z.object({
  ...ref,
  decisionNo: requiredText(50, 2),
  decisionDate: day,
  approvedBudget: positiveMoney,
  approvedDurationMonths: intIn(1, 60),
  note: optionalText(2000),
});
/** The department requires the selected dossier's revision, per the council's conclusions (what to revise). */
export const ZRequireRevision = z.object({ ...ref, note: requiredText(5000, 5) });

/** One budget item of an appraisal: the state budget requested for it and what the appraisal group sets. */
export const ZAppraisalItem = z.object({
  name: requiredText(200, 2),
  requested: money,
  appraised: money,
});

/**
 * The appraisal of a selected dossier (tổ thẩm định nội dung, kinh phí): remarks on the content, the state budget
 * item by item, the duration. The approved state budget is the items' sum; above what the dossier requested only
 * with a reason (checked on the server, which knows the request).
 */
export const ZAppraise = z.object({
  ...ref,
  contentRemarks: requiredText(10_000, 10),
  items: z.array(ZAppraisalItem).check(z.minLength(1, 'validation.appraisalItems'), z.maxLength(30)),
  approvedDurationMonths: intIn(1, 60),
  overRequestReason: optionalText(5000),
});
export type TAppraise = z.input<typeof ZAppraise>;

/** Approval of an appraised dossier: the decision; the amounts are the appraisal's. */
export const ZApproveAppraised = z.object({
  ...ref,
  decisionNo: requiredText(50, 2),
  decisionDate: day,
  note: optionalText(2000),
});

export const ZContract = z
  .object({
    ...ref,
    contractNo: requiredText(50, 2),
    signedAt: day,
    startDate: day,
    endDate: day,
    fundedAmount: positiveMoney,
  })
  .check(
    z.refine((v) => v.endDate > v.startDate, { path: ['endDate'], message: 'validation.endBeforeStart' }),
    z.refine((v) => v.startDate >= v.signedAt, { path: ['startDate'], message: 'validation.startBeforeSigning' }),
  );
export const ZRequestAcceptance = z.object({
  ...ref,
  finalReportSummary: requiredText(20_000, 20),
  selfAssessment: requiredText(20_000, 20),
});
export const ZAcceptanceDecision = z.object({
  ...ref,
  decisionNo: requiredText(50, 2),
  decisionDate: day,
  note: optionalText(5000),
});
export const ZFail = z.object({ ...ZAcceptanceDecision.shape, note: requiredText(5000, 5) });

/** Columns the department's queue can be sorted by. */
export const QUEUE_SORTS = ['updatedAt', 'code', 'year', 'budgetTotal'] as const;

export const ZQueueFilter = z.object({
  status: z.catch(z.optional(z.enum(TASK_STATUSES)), undefined),
  callId: z.catch(z.optional(recordId), undefined),
  // 'none': the tasks without one (a statistics breakdown's "not stated" row).
  field: z.catch(z.optional(z.enum([...SCIENCE_FIELDS, 'none'])), undefined),
  type: z.catch(z.optional(z.enum([...TASK_TYPES, 'none'])), undefined),
  programId: z.catch(z.optional(z.union([z.literal('none'), recordId])), undefined),
  // A statistics figure's drill-down: the tasks it counts in the period (lib/statistics/figures.ts).
  figure: z.catch(z.optional(z.enum(TASK_FIGURES)), undefined),
  from: z.catch(z.optional(z.coerce.number().check(z.int(), z.gte(MIN_STAT_YEAR), z.lte(MAX_STAT_YEAR))), undefined),
  to: z.catch(z.optional(z.coerce.number().check(z.int(), z.gte(MIN_STAT_YEAR), z.lte(MAX_STAT_YEAR))), undefined),
  organizationId: z.catch(z.optional(recordId), undefined),
  year: z.catch(z.optional(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100))), undefined),
  q: searchText(200),
  page: pageField,
  /** Sort of the queue (newest change first unless chosen): each has an index. */
  sort: z.catch(z.optional(z.enum(QUEUE_SORTS)), undefined),
  dir: z.catch(z.optional(z.enum(['asc', 'desc'])), undefined),
});
export type QueueSort = (typeof QUEUE_SORTS)[number];
export type QueueFilter = z.output<typeof ZQueueFilter>;
