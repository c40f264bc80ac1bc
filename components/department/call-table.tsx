import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import type { CallsPage } from '@/lib/calls/loaders';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';

const TONE = { upcoming: 'amber', open: 'green', closed: 'slate' } as const;

/** Calls with their kind, their open/closed state and how many needs proposals or dossiers answer each. */
export async function CallTable({ page }: { page: CallsPage }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  return (
    <DataTable
      label={t('deptCalls.title')}
      rows={page.rows}
      rowKey={(c) => c.id}
      rowAttributes={(c) => ({ 'call-id': c.id, state: c.state })}
      empty={t('deptCalls.empty')}
      testId="call-rows"
      columns={[
        {
          key: 'title',
          header: t('deptCalls.titleField'),
          className: 'max-w-md',
          cell: (c) =>
            page.manage ? (
              <Link href={`/department/calls/${c.id}`} className="font-medium text-brand-700 hover:underline" data-testid="call-link">
                {c.title}
              </Link>
            ) : (
              <span className="font-medium">{c.title}</span>
            ),
        },
        { key: 'kind', header: t('deptCalls.kind'), className: 'text-xs', cell: (c) => t(`deptCalls.kinds.${c.kind}`) },
        { key: 'year', header: t('deptCalls.year'), className: 'tabular-nums', cell: (c) => c.year },
        {
          key: 'fields',
          header: t('deptCalls.fields'),
          className: 'text-xs',
          cell: (c) => (c.fields.length ? c.fields.map((f) => t(`fields.${f}`)).join(', ') : t('deptCalls.allFields')),
        },
        { key: 'opensAt', header: t('deptCalls.opensAt'), className: 'whitespace-nowrap', cell: (c) => formatDateTime(c.opensAt, locale) },
        {
          key: 'closesAt',
          header: t('deptCalls.closesAt'),
          className: 'whitespace-nowrap',
          cell: (c) => formatDateTime(c.closesAt, locale),
        },
        { key: 'state', header: t('deptCalls.state'), cell: (c) => <Badge tone={TONE[c.state]}>{t(`deptCalls.states.${c.state}`)}</Badge> },
        { key: 'tasks', header: t('deptCalls.tasks'), align: 'right', cell: (c) => (c.kind === 'NEEDS' ? c._count.needs : c._count.tasks) },
      ]}
    />
  );
}
