import * as z from '@/lib/domain/zod';
import { optionalText, requiredText } from '@/lib/domain/zod';
import { SCIENCE_FIELDS } from '@/lib/domain/task-status';
import { ASSIGNMENT_METHODS } from '@/lib/domain/identification';
import { LISTED_STATUSES } from '@/lib/domain/listed-task-workflow';
import { day, intIn, optionalId, optionalInt, optionalMoney, pageField, recordId, searchText, version } from '@/lib/domain/inputs';

const optional = <T extends z.core.$ZodType>(schema: T) => z.emptyAsUndefined(schema);
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
function directNamed<T extends z.ZodMiniType<DirectFields>>(schema: T) {
  const always = { when: () => true, message: 'validation.required' };
  return schema.check(
    z.refine<DirectFields>((v) => v.method !== 'DIRECT' || !!v.directOrganizationId, { ...always, path: ['directOrganizationId'] }),
    z.refine<DirectFields>((v) => v.method !== 'DIRECT' || (typeof v.directReason === 'string' && v.directReason.trim().length >= 5), {
      ...always,
      path: ['directReason'],
    }),
  );
}

export const ZCreateOrderList = z.object({ planYear, title: requiredText(300, 10) });
export type TCreateOrderList = z.input<typeof ZCreateOrderList>;

const listRef = { listId: recordId, version };
export const ZListRef = z.object(listRef);
export const ZAddListItems = z.object({
  ...listRef,
  needsIds: z.array(recordId).check(z.minLength(1, 'validation.chooseNeeds'), z.maxLength(500)),
});
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
    struckIds: z._default(z.array(recordId).check(z.maxLength(500)), []),
    struckNote: optionalText(2_000),
  })
  .check(
    z.refine((v) => v.struckIds.length === 0 || (v.struckNote && v.struckNote.length >= 5), {
      path: ['struckNote'],
      message: 'validation.struckNote',
    }),
  );
export type TDecideOrderList = z.input<typeof ZDecideOrderList>;

/** An urgent task (nhiệm vụ đột xuất) listed outside the yearly cycle by its own decision. */
export const ZUrgentListedTask = directNamed(z.object({ planYear, ...itemShape, decisionNumber: requiredText(100, 1), decisionDate: day }));
export type TUrgentListedTask = z.input<typeof ZUrgentListedTask>;

export const ZListedFilters = z.object({
  year: z.catch(z.optional(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100))), undefined),
  status: z.catch(z.optional(z.enum(LISTED_STATUSES)), undefined),
  method: z.catch(z.optional(z.enum(ASSIGNMENT_METHODS)), undefined),
  q: searchText(200),
  page: pageField,
});
export type ListedFilters = z.output<typeof ZListedFilters>;

/** Listed tasks put to a selection notice (open for dossiers until the notice closes). */
export const ZOpenListed = z.object({
  callId: z.pipe(z.string().check(z.trim(), z.minLength(1, 'validation.choose')), recordId),
  listedTaskIds: z.array(recordId).check(z.minLength(1, 'validation.chooseListed'), z.maxLength(500)),
});
export type TOpenListed = z.input<typeof ZOpenListed>;
