import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadNeedsQueue } from '@/lib/needs/loaders';
import { NEEDS_STATUSES } from '@/lib/domain/needs-workflow';
import { SCIENCE_FIELDS } from '@/lib/domain/task-status';
import { PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { FilterBar } from '@/components/ui/filter-bar';
import { NeedsList } from '@/components/needs/needs-list';
import { ExportLinks } from '@/components/ui/export-links';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations('needs'))('list.deptTitle') };
}

export default async function DeptNeedsPage({ searchParams }: Props) {
  const page = await loadNeedsQueue(await searchParams);
  const t = await getTranslations();
  const f = page.filter;
  return (
    <>
      <PageHeader
        title={t('needs.list.deptTitle')}
        description={t('needs.list.deptDescription', { total: page.paging.total })}
        actions={
          <div className="flex flex-wrap gap-2">
            <ExportLinks list="needs" params={page.query.params} />
            <Link href="/department/needs/councils" className={buttonClass('secondary')} data-testid="identification-councils-link">
              {t('identification.list.title')}
            </Link>
          </div>
        }
      />
      <FilterBar
        action="/department/needs"
        q={{ value: f.q, placeholder: t('needs.list.searchPlaceholder') }}
        selects={[
          { name: 'callId', label: t('needs.fields.call'), value: f.callId, options: page.options.calls },
          {
            name: 'status',
            label: t('needs.fields.status'),
            value: f.status,
            options: NEEDS_STATUSES.filter((s) => s !== 'DRAFT').map((s) => ({ value: s, label: t(`needs.status.${s}`) })),
          },
          {
            name: 'field',
            label: t('needs.fields.field'),
            value: f.field,
            options: SCIENCE_FIELDS.map((x) => ({ value: x, label: t(`fields.${x}`) })),
          },
          { name: 'organizationId', label: t('needs.fields.organization'), value: f.organizationId, options: page.options.organizations },
        ]}
      />
      <NeedsList area="department" rows={page.rows} paging={page.paging} query={page.query} empty={t('needs.list.deptEmpty')} />
    </>
  );
}
