import { getLocale, getTranslations } from 'next-intl/server';
import type { AuditEventRow } from '@/lib/audit/loaders';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import { Table, Td, Th } from '@/components/ui/table';
import { ActorCell, TaskCell } from './cells';

/** The audit trail: who wrote what, to which record, with the fields it changed. */
export async function AuditEventTable({ rows }: { rows: AuditEventRow[] }) {
  const t = await getTranslations('audit');
  const locale = (await getLocale()) as Locale;
  return (
    <Table label={t('tabs.audit')}>
      <thead>
        <tr>
          <Th>{t('columns.time')}</Th>
          <Th>{t('columns.actor')}</Th>
          <Th>{t('columns.action')}</Th>
          <Th>{t('columns.task')}</Th>
          <Th>{t('columns.changes')}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id} data-testid="audit-event-row" data-action={r.action}>
            <Td className="whitespace-nowrap">{formatDateTime(r.at, locale)}</Td>
            <Td>
              <ActorCell actor={r.actor} />
            </Td>
            <Td>
              <span className="block font-medium">{t(`actions.${r.action}`)}</span>
              <span className="block text-xs text-slate-500">
                {t(`entities.${r.entityType}`)} · <span className="font-mono">{r.entityId}</span>
              </span>
            </Td>
            <Td>
              <TaskCell task={r.task} />
            </Td>
            <Td>
              {r.changes.length === 0 ? (
                t('noChanges')
              ) : (
                <ul className="space-y-0.5 text-xs">
                  {r.changes.map((c) => (
                    <li key={c.field} className="max-w-md break-words">
                      {t('change', { field: c.field, before: c.before ?? t('nothing'), after: c.after ?? t('nothing') })}
                    </li>
                  ))}
                </ul>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
