import { getLocale, getTranslations } from 'next-intl/server';
import type { AccessLogRow } from '@/lib/audit/loaders';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import { Table, Td, Th } from '@/components/ui/table';
import { ActorCell, TaskCell } from './cells';

/** The access log: who opened which dossier, council seat (with its ballots) or attachment, and when. */
export async function AccessLogTable({ rows }: { rows: AccessLogRow[] }) {
  const t = await getTranslations('audit');
  const locale = (await getLocale()) as Locale;
  return (
    <Table label={t('tabs.access')}>
      <thead>
        <tr>
          <Th>{t('columns.time')}</Th>
          <Th>{t('columns.actor')}</Th>
          <Th>{t('columns.kind')}</Th>
          <Th>{t('columns.task')}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id} data-testid="access-log-row" data-kind={r.kind}>
            <Td className="whitespace-nowrap">{formatDateTime(r.at, locale)}</Td>
            <Td>
              <ActorCell actor={r.actor} />
            </Td>
            <Td>
              <span className="block font-medium">{t(`kinds.${r.kind}`)}</span>
              <span className="block text-xs text-slate-500">{r.recordName ?? <span className="font-mono">{r.recordId}</span>}</span>
            </Td>
            <Td>
              <TaskCell task={r.task} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
