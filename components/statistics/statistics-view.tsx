import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { inputClass } from '@/components/ui/field';
import { buttonClass } from '@/components/ui/button';
import { formatVnd } from '@/lib/domain/format';
import {
  MAX_STAT_YEAR,
  MIN_STAT_YEAR,
  TASK_FIGURES,
  figureHref,
  periodLabel,
  type Dimension,
  type TaskFigure,
} from '@/lib/domain/statistics';
import type { TaskFigureRow } from '@/lib/statistics/figures';
import type { StatisticsPage } from '@/lib/statistics/loaders';

type T = Awaited<ReturnType<typeof getTranslations>>;

/** The period: a first and a last year, in the URL (a GET form). */
export async function PeriodPicker({ page, years }: { page: StatisticsPage; years: number[] }) {
  const t = await getTranslations('statistics');
  const options = years.filter((y) => y >= MIN_STAT_YEAR && y <= MAX_STAT_YEAR);
  return (
    <form
      action="/department/statistics"
      method="get"
      className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      data-testid="statistics-period"
    >
      {(['from', 'to'] as const).map((name) => (
        <label key={name} className="text-xs font-medium text-slate-600">
          {t(name)}
          <select name={name} defaultValue={String(page.range[name])} className={inputClass()}>
            {options.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button type="submit" className={buttonClass('secondary')}>
        {t('show')}
      </button>
    </form>
  );
}

function Figure({ label, value, href, testId, detail }: { label: string; value: string; href?: string; testId: string; detail?: string }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId}>
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">
        {href ? (
          <Link href={href} className="text-brand-700 hover:underline" data-testid={`${testId}-link`}>
            {value}
          </Link>
        ) : (
          value
        )}
      </p>
      {detail && <p className="mt-1 text-xs text-slate-500">{detail}</p>}
    </li>
  );
}

/** The period's figures: the year before the dossiers, the tasks, the budgets; each task figure links to its list. */
export async function HeadlineFigures({ page }: { page: StatisticsPage }) {
  const t = await getTranslations('statistics');
  const { total } = page.tasks;
  const nf = new Intl.NumberFormat('vi-VN');
  return (
    <div className="space-y-6">
      <Card title={t('tasksTitle', { period: periodLabel(page.range) })}>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="statistics-figures">
          <Figure label={t('figures.needs')} value={nf.format(page.plan.needs)} testId="figure-needs" />
          <Figure label={t('figures.listed')} value={nf.format(page.plan.listed)} testId="figure-listed" />
          {TASK_FIGURES.map((f) => (
            <Figure
              key={f}
              label={t(`figures.${f}`)}
              value={nf.format(total[f])}
              href={figureHref(f, page.range)}
              testId={`figure-${f}`}
              detail={f === 'accepted' ? t('acceptedByGrade', { excellent: total.acceptedExcellent, pass: total.acceptedPass }) : undefined}
            />
          ))}
        </ul>
      </Card>
      <Card title={t('budgetsTitle')}>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="statistics-budgets">
          <Figure label={t('budgets.approvedBudget')} value={formatVnd(total.approvedBudget)} testId="budget-approved" />
          <Figure label={t('budgets.contractedBudget')} value={formatVnd(total.contractedBudget)} testId="budget-contracted" />
          <Figure label={t('budgets.disbursed')} value={formatVnd(total.disbursed)} testId="budget-disbursed" />
          <Figure label={t('budgets.refunded')} value={formatVnd(total.refunded)} testId="budget-refunded" />
        </ul>
      </Card>
    </div>
  );
}

const COLUMNS: TaskFigure[] = ['approved', 'contracted', 'accepted', 'notAccepted', 'terminated'];

function keyLabel(t: T, page: StatisticsPage, dimension: Dimension, key: string | null): string {
  if (key === null) return t('statistics.notStated');
  if (dimension === 'field') return t(`fields.${key}` as never);
  if (dimension === 'type') return t(`taskTypes.${key}` as never);
  if (dimension === 'organization') return page.names.organization[key] ?? key;
  return page.names.program[key] ?? key;
}

/**
 * A bar chart of the approved and accepted tasks per key, drawn as SVG by the server (bars are attributes, not
 * inline styles, which the Content Security Policy refuses). Decorative for screen readers: its table follows.
 */
function Bars({ rows, label }: { rows: { label: string; figures: TaskFigureRow }[]; label: string }) {
  const max = Math.max(1, ...rows.flatMap((r) => [r.figures.approved, r.figures.accepted]));
  const rowHeight = 28;
  const labelWidth = 220;
  const width = 640;
  const scale = (v: number) => Math.round(((width - labelWidth - 40) * v) / max);
  return (
    <svg
      viewBox={`0 0 ${width} ${rows.length * rowHeight + 8}`}
      className="w-full max-w-3xl"
      role="img"
      aria-label={label}
      data-testid="statistics-chart"
    >
      {rows.map((r, i) => {
        const y = i * rowHeight + 4;
        return (
          <g key={r.label}>
            <text x={0} y={y + 16} className="fill-slate-700 text-[11px]">
              {r.label.length > 34 ? `${r.label.slice(0, 33)}…` : r.label}
            </text>
            <rect x={labelWidth} y={y + 2} width={scale(r.figures.approved)} height={10} className="fill-brand-600" />
            <rect x={labelWidth} y={y + 13} width={scale(r.figures.accepted)} height={10} className="fill-emerald-600" />
            <text
              x={labelWidth + scale(Math.max(r.figures.approved, r.figures.accepted)) + 4}
              y={y + 16}
              className="fill-slate-600 text-[11px]"
            >
              {r.figures.approved} / {r.figures.accepted}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** One breakdown: a chart and its table, each count linking to the tasks it counts. */
export async function Breakdown({ page, dimension, chart = false }: { page: StatisticsPage; dimension: Dimension; chart?: boolean }) {
  const t = await getTranslations();
  const source = {
    field: page.tasks.byField,
    type: page.tasks.byType,
    organization: page.tasks.byOrganization,
    program: page.tasks.byProgram,
  }[dimension];
  const rows = source
    .map((r) => ({ key: r.key, label: keyLabel(t, page, dimension, r.key), figures: r.figures }))
    .filter((r) => COLUMNS.some((c) => r.figures[c] > 0))
    .sort((a, b) => b.figures.approved - a.figures.approved || b.figures.accepted - a.figures.accepted || a.label.localeCompare(b.label));
  const title = t(`statistics.by.${dimension}`);
  return (
    <Card title={title}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t('statistics.nothing')}</p>
      ) : (
        <div className="space-y-4" data-testid={`breakdown-${dimension}`}>
          {chart && (
            <figure>
              <Bars rows={rows} label={t('statistics.chartLabel', { by: title })} />
              <figcaption className="mt-1 text-xs text-slate-500">{t('statistics.chartLegend')}</figcaption>
            </figure>
          )}
          <Table label={title}>
            <thead>
              <tr>
                <Th>{t(`statistics.dimension.${dimension}`)}</Th>
                {COLUMNS.map((c) => (
                  <Th key={c} className="text-right">
                    {t(`statistics.figures.${c}`)}
                  </Th>
                ))}
                <Th className="text-right">{t('statistics.budgets.approvedBudget')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.key ?? 'none'} data-key={r.key ?? 'none'}>
                  <Td className="max-w-xs">{r.label}</Td>
                  {COLUMNS.map((c) => (
                    <Td key={c} className="text-right tabular-nums" data-figure={c}>
                      {r.figures[c] > 0 ? (
                        <Link href={figureHref(c, page.range, { dimension, key: r.key })} className="text-brand-700 hover:underline">
                          {r.figures[c]}
                        </Link>
                      ) : (
                        0
                      )}
                    </Td>
                  ))}
                  <Td className="whitespace-nowrap text-right tabular-nums">{formatVnd(r.figures.approvedBudget)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </Card>
  );
}
