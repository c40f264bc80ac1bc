import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadIdentificationCouncils } from '@/lib/identification/loaders';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import { Card, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations('identification'))('list.title') };
}

export default async function IdentificationCouncilsPage({ searchParams }: Props) {
  const page = await loadIdentificationCouncils(await searchParams);
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  return (
    <>
      <PageHeader title={t('identification.list.title')} description={t('identification.list.description')} />
      <div className="space-y-6">
        {page.calls.length > 0 && (
          <Card title={t('identification.list.formFor')}>
            <ul className="flex flex-wrap gap-2" data-testid="identification-calls">
              {page.calls.map((c) => (
                <li key={c.id}>
                  <Link
                    href={`/department/needs/councils/new?callId=${c.id}`}
                    className={buttonClass('secondary')}
                    data-testid="identification-new"
                  >
                    {c.title}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        )}
        <DataTable
          label={t('identification.list.title')}
          rows={page.rows}
          rowKey={(r) => r.id}
          rowAttributes={(r) => ({ 'council-id': r.id, status: r.status })}
          empty={t('identification.list.empty')}
          testId="identification-rows"
          paging={page.paging}
          query={page.query}
          columns={[
            {
              key: 'name',
              header: t('identification.fields.name'),
              className: 'max-w-md',
              cell: (r) => (
                <>
                  <Link
                    href={`/department/needs/councils/${r.id}`}
                    className="font-medium text-brand-700 hover:underline"
                    data-testid="identification-link"
                  >
                    {r.name}
                  </Link>
                  <span className="block text-xs text-slate-600">
                    {r.call.title} ({r.call.year})
                  </span>
                </>
              ),
            },
            { key: 'proposals', header: t('identification.fields.proposals'), align: 'right', cell: (r) => r._count.proposals },
            { key: 'members', header: t('identification.fields.members'), align: 'right', cell: (r) => r._count.members },
            {
              key: 'meetingAt',
              header: t('deptCouncil.meetingAt'),
              className: 'whitespace-nowrap',
              cell: (r) => (r.meetingAt ? formatDateTime(r.meetingAt, locale) : '—'),
            },
            {
              key: 'status',
              header: t('identification.fields.status'),
              cell: (r) => <Badge tone={r.status === 'ACTIVE' ? 'blue' : 'slate'}>{t(`identification.councilStatus.${r.status}`)}</Badge>,
            },
          ]}
        />
      </div>
    </>
  );
}
