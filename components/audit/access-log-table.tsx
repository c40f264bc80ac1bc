import { getLocale, getTranslations } from 'next-intl/server';
import type { AccessLogRow } from '@/lib/audit/loaders';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import type { ListQuery } from '@/lib/domain/paging';
import { DataTable, type Paging } from '@/components/ui/data-table';
import { ActorCell, TaskCell } from './cells';

/** The access log: who opened which dossier, council seat (with its ballots) or attachment, and when. */
export async function AccessLogTable({ rows, paging, query }: { rows: AccessLogRow[]; paging: Paging; query: ListQuery }) {
  const t = await getTranslations('audit');
  const locale = (await getLocale()) as Locale;
  return (
    <DataTable
      label={t('tabs.access')}
      rows={rows}
      rowKey={(r) => r.id}
      rowAttributes={(r) => ({ testid: 'access-log-row', kind: r.kind })}
      empty={t('empty')}
      paging={paging}
      query={query}
      columns={[
        { key: 'time', header: t('columns.time'), className: 'whitespace-nowrap', cell: (r) => formatDateTime(r.at, locale) },
        { key: 'actor', header: t('columns.actor'), cell: (r) => <ActorCell actor={r.actor} /> },
        {
          key: 'kind',
          header: t('columns.kind'),
          cell: (r) => (
            <>
              <span className="block font-medium">{t(`kinds.${r.kind}`)}</span>
              <span className="block text-xs text-slate-600">{r.recordName ?? <span className="font-mono">{r.recordId}</span>}</span>
            </>
          ),
        },
        { key: 'task', header: t('columns.task'), cell: (r) => <TaskCell task={r.task} /> },
      ]}
    />
  );
}
