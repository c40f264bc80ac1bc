import { z, optionalText, requiredText } from '@/lib/domain/zod';
import { SCIENCE_FIELDS, TASK_TYPES, TASK_STATUSES } from '@/lib/domain/task-status';
import { day, intIn, optionalDay, optionalInt, optionalMoney, positiveMoney, recordId, searchText, version } from '@/lib/domain/inputs';

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(values).optional());

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

/** The proposal's content: everything may stay empty in a draft except the title. */
export const ZTaskContent = z
  .object({
    title: requiredText(500, 10),
    type: optionalEnum(TASK_TYPES),
    field: optionalEnum(SCIENCE_FIELDS),
    callId: optionalText(50),
    piName: optionalText(100),
    piDegree: optionalText(50),
    piTitle: optionalText(100),
    piEmail: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().toLowerCase().pipe(z.email()).optional()),
    piPhone: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .trim()
        .regex(/^[0-9+().\s-]{8,20}$/, 'validation.phone')
        .optional(),
    ),
    keyMembers: z.array(ZKeyMember).max(30).default([]),
    partnerOrganizationIds: z.array(recordId).max(10).default([]),
    partnerNames: z.array(requiredText(200, 2)).max(10).default([]),
    objectives: optionalText(20_000),
    contentMethods: optionalText(50_000),
    expectedProducts: z.array(ZExpectedProduct).max(50).default([]),
    applicationPlan: optionalText(20_000),
    budgetTotal: optionalMoney,
    budgetState: optionalMoney,
    budgetOther: optionalMoney,
    durationMonths: optionalInt(1, 60),
    proposedStart: optionalDay,
  })
  .superRefine((v, ctx) => {
    if (v.budgetTotal !== undefined && v.budgetState !== undefined) {
      const other = v.budgetOther ?? 0n;
      if (v.budgetState + other !== v.budgetTotal) ctx.addIssue({ code: 'custom', path: ['budgetTotal'], message: 'validation.budgetSum' });
    }
    if (v.budgetTotal !== undefined && v.budgetTotal === 0n)
      ctx.addIssue({ code: 'custom', path: ['budgetTotal'], message: 'validation.moneyPositive' });
  });
export type TTaskContent = z.input<typeof ZTaskContent>;

export const ZCreateTask = ZTaskContent;
export const ZUpdateTask = z.object({ taskId: recordId, version, content: ZTaskContent });

/** The fields a proposal must have before it can be submitted (checked on the stored task). */
export const REQUIRED_FOR_SUBMISSION = [
  'type',
  'field',
  'piName',
  'piEmail',
  'piPhone',
  'objectives',
  'contentMethods',
  'expectedProducts',
  'applicationPlan',
  'budgetTotal',
  'budgetState',
  'durationMonths',
  'proposedStart',
] as const;

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
export const ZContract = z
  .object({
    ...ref,
    contractNo: requiredText(50, 2),
    signedAt: day,
    startDate: day,
    endDate: day,
    fundedAmount: positiveMoney,
  })
  .refine((v) => v.endDate > v.startDate, { path: ['endDate'], message: 'validation.endBeforeStart' })
  .refine((v) => v.startDate >= v.signedAt, { path: ['startDate'], message: 'validation.startBeforeSigning' });
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

export const ZQueueFilter = z.object({
  status: z.enum(TASK_STATUSES).optional().catch(undefined),
  callId: recordId.optional().catch(undefined),
  field: z.enum(SCIENCE_FIELDS).optional().catch(undefined),
  organizationId: recordId.optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  q: searchText(200),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
