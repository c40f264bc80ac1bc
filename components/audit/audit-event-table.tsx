import { getLocale, getTranslations } from 'next-intl/server';
import type { AuditEventRow } from '@/lib/audit/loaders';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import type { ListQuery } from '@/lib/domain/paging';
import { DataTable, type Paging } from '@/components/ui/data-table';
import { ActorCell, TaskCell } from './cells';

/** The audit trail: who wrote what, to which record, with the fields it changed. */
export async function AuditEventTable({ rows, paging, query }: { rows: AuditEventRow[]; paging: Paging; query: ListQuery }) {
  const t = await getTranslations('audit');
  const locale = (await getLocale()) as Locale;
  return (
    <DataTable
      label={t('tabs.audit')}
      rows={rows}
      rowKey={(r) => r.id}
      rowAttributes={(r) => ({ testid: 'audit-event-row', action: r.action })}
      empty={t('empty')}
      paging={paging}
      query={query}
      columns={[
        { key: 'time', header: t('columns.time'), className: 'whitespace-nowrap', cell: (r) => formatDateTime(r.at, locale) },
        { key: 'actor', header: t('columns.actor'), cell: (r) => <ActorCell actor={r.actor} /> },
        {
          key: 'action',
          header: t('columns.action'),
          cell: (r) => (
            <>
              <span className="block font-medium">{t(`actions.${r.action}`)}</span>
              <span className="block text-xs text-slate-600">
                {t(`entities.${r.entityType}`)} · <span className="font-mono">{r.entityId}</span>
              </span>
            </>
          ),
        },
        { key: 'task', header: t('columns.task'), cell: (r) => <TaskCell task={r.task} /> },
        {
          key: 'changes',
          header: t('columns.changes'),
          cell: (r) =>
            r.changes.length === 0 ? (
              t('noChanges')
            ) : (
              <ul className="space-y-0.5 text-xs">
                {r.changes.map((c) => (
                  <li key={c.field} className="max-w-md break-words">
                    {t('change', { field: c.field, before: c.before ?? t('nothing'), after: c.after ?? t('nothing') })}
                  </li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}
