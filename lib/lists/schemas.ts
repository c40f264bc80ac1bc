import { z, optionalText, requiredText } from '@/lib/domain/zod';
import { SCIENCE_FIELDS } from '@/lib/domain/task-status';
import { ASSIGNMENT_METHODS } from '@/lib/domain/identification';
import { LISTED_STATUSES } from '@/lib/domain/listed-task-workflow';
import { day, intIn, optionalId, optionalInt, optionalMoney, pageField, recordId, searchText, version } from '@/lib/domain/inputs';

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
const planYear = intIn(2000, 2100);

/**
 * A listed task's content: the refined name, objectives and products, the field, the method (direct assignment
 * names the organization and why), the estimated duration and budget.
 */
const itemShape = {
  title: requiredText(300, 10),
  field: optional(z.enum(SCIENCE_FIELDS)),
  objectives: requiredText(10_000, 10),
  products: requiredText(10_000, 10),
  method: z.enum(ASSIGNMENT_METHODS, 'validation.choose'),
  directOrganizationId: optional(recordId),
  directReason: optionalText(5_000),
  durationMonths: optionalInt(1, 60),
  budgetEstimate: optionalMoney,
  /** The province's S&T program it belongs to, if any (one active this year, or the one it already names). */
  programId: optionalId,
};

type DirectFields = { method?: unknown; directOrganizationId?: unknown; directReason?: unknown };
/**
 * Direct assignment names the organization and the reason. Checked even when other fields fail (`when`), so the
 * form shows every missing field at once.
 */
function directNamed<T extends z.ZodType<DirectFields>>(schema: T) {
  const always = { when: () => true, message: 'validation.required' };
  return schema
    .refine((v) => v.method !== 'DIRECT' || !!v.directOrganizationId, { ...always, path: ['directOrganizationId'] })
    .refine((v) => v.method !== 'DIRECT' || (typeof v.directReason === 'string' && v.directReason.trim().length >= 5), {
      ...always,
      path: ['directReason'],
    });
}

export const ZCreateOrderList = z.object({ planYear, title: requiredText(300, 10) });
export type TCreateOrderList = z.input<typeof ZCreateOrderList>;

const listRef = { listId: recordId, version };
export const ZListRef = z.object(listRef);
export const ZAddListItems = z.object({ ...listRef, needsIds: z.array(recordId).min(1, 'validation.chooseNeeds').max(500) });
export const ZRemoveListItem = z.object({ ...listRef, itemId: recordId });
export const ZUpdateListItem = directNamed(z.object({ itemId: recordId, version, ...itemShape }));
export type TUpdateListItem = z.input<typeof ZUpdateListItem>;
export const ZSubmitOrderList = z.object({ ...listRef, letterNumber: optionalText(100) });

/** UBND's decision on the list: its number and date; the items it struck (with one note), the rest approved. */
export const ZDecideOrderList = z
  .object({
    ...listRef,
    decisionNumber: requiredText(100, 1),
    decisionDate: day,
    struckIds: z.array(recordId).max(500).default([]),
    struckNote: optionalText(2_000),
  })
  .refine((v) => v.struckIds.length === 0 || (v.struckNote && v.struckNote.length >= 5), {
    path: ['struckNote'],
    message: 'validation.struckNote',
  });
export type TDecideOrderList = z.input<typeof ZDecideOrderList>;

/** An urgent task (nhiệm vụ đột xuất) listed outside the yearly cycle by its own decision. */
export const ZUrgentListedTask = directNamed(z.object({ planYear, ...itemShape, decisionNumber: requiredText(100, 1), decisionDate: day }));
export type TUrgentListedTask = z.input<typeof ZUrgentListedTask>;

export const ZListedFilters = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  status: z.enum(LISTED_STATUSES).optional().catch(undefined),
  method: z.enum(ASSIGNMENT_METHODS).optional().catch(undefined),
  q: searchText(200),
  page: pageField,
});
export type ListedFilters = z.output<typeof ZListedFilters>;

/** Listed tasks put to a selection notice (open for dossiers until the notice closes). */
export const ZOpenListed = z.object({
  callId: z.string().trim().min(1, 'validation.choose').pipe(recordId),
  listedTaskIds: z.array(recordId).min(1, 'validation.chooseListed').max(500),
});
export type TOpenListed = z.input<typeof ZOpenListed>;
