// What the department reports each year (domain.md): its figures, each counted by the date of its event (the
// decision, the contract, the certificate, the liquidation), never by a task's plan year. Pure: the names, the
// period a figure is counted over, and the figures a drill-down may filter the queue by.
import * as z from './zod';

/** Figures that count tasks (each one links to the department's queue filtered to exactly those tasks). */
export const TASK_FIGURES = [
  'dossiers',
  'approved',
  'contracted',
  'accepted',
  'notAccepted',
  'terminated',
  'registered',
  'liquidated',
  'applied',
] as const;
export type TaskFigure = (typeof TASK_FIGURES)[number];

/** Figures of the year before the dossiers: needs proposals received and tasks listed by UBND. */
export const PLAN_FIGURES = ['needs', 'listed'] as const;
export type PlanFigure = (typeof PLAN_FIGURES)[number];

/** Budgets, whole đồng: approved, contracted (state budget), disbursed and refunded (at liquidation). */
export const BUDGET_FIGURES = ['approvedBudget', 'contractedBudget', 'disbursed', 'refunded'] as const;
export type BudgetFigure = (typeof BUDGET_FIGURES)[number];

/** The dimensions a figure is broken down by. */
export const DIMENSIONS = ['field', 'type', 'organization', 'program'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const MIN_STAT_YEAR = 2000;
export const MAX_STAT_YEAR = 2100;

/** A period of whole years, as the statistics screen and the drill-downs name it ("2026" or "2024–2026"). */
export type YearRange = { from: number; to: number };

/** The days a period covers: from 1 January of its first year up to (not including) 1 January after its last. */
export function periodDays(r: YearRange): { start: string; end: string } {
  return { start: `${r.from}-01-01`, end: `${r.to + 1}-01-01` };
}

/** "2026", or "2024–2026" for several years. */
export function periodLabel(r: YearRange): string {
  return r.from === r.to ? String(r.from) : `${r.from}–${r.to}`;
}

const year = z.coerce.number().check(z.int(), z.gte(MIN_STAT_YEAR), z.lte(MAX_STAT_YEAR));

/**
 * The period from a URL (`from`, `to`, or `year`): a missing or unreadable bound falls back to `fallbackYear`, and
 * a reversed range is put in order. Never throws: a screen opened with a broken URL shows the current year.
 */
export function parseYearRange(params: { from?: unknown; to?: unknown; year?: unknown }, fallbackYear: number): YearRange {
  const one = year.safeParse(params.year);
  const from = year.safeParse(params.from ?? params.year);
  const to = year.safeParse(params.to ?? params.year);
  const a = from.success ? from.data : one.success ? one.data : fallbackYear;
  const b = to.success ? to.data : one.success ? one.data : a;
  return a <= b ? { from: a, to: b } : { from: b, to: a };
}

/** The queue's drill-down parameters: the figure and its period (the other filters are the queue's own). */
export const ZFigureFilter = z.object({
  figure: z.catch(z.optional(z.enum(TASK_FIGURES)), undefined),
  from: z.catch(z.optional(year), undefined),
  to: z.catch(z.optional(year), undefined),
});

/** The queue filtered to exactly the tasks a figure counts (and a breakdown's key, if any). */
export function figureHref(figure: TaskFigure, range: YearRange, by?: { dimension: Dimension; key: string | null }) {
  const params = new URLSearchParams({ figure, from: String(range.from), to: String(range.to) });
  if (by) {
    const name = { field: 'field', type: 'type', organization: 'organizationId', program: 'programId' }[by.dimension];
    params.set(name, by.key ?? 'none');
  }
  return `/department/tasks?${params.toString()}`;
}
