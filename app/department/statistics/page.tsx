import { getTranslations } from 'next-intl/server';
import { loadStatisticsPage } from '@/lib/statistics/loaders';
import { periodLabel } from '@/lib/domain/statistics';
import { PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { Breakdown, HeadlineFigures, PeriodPicker } from '@/components/statistics/statistics-view';
import { OverdueLists } from '@/components/after-acceptance/obligations';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations('statistics'))('title') };
}

export default async function StatisticsPage({ searchParams }: Props) {
  const page = await loadStatisticsPage(await searchParams);
  const t = await getTranslations('statistics');
  const years = Array.from({ length: page.years.last - page.years.first + 1 }, (_, i) => page.years.last - i);
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description', { period: periodLabel(page.range) })}
        actions={
          <a href={`/api/exports/bieu-04?year=${page.range.to}`} className={buttonClass('secondary')} data-testid="export-form-04" download>
            {t('form04', { year: page.range.to })}
          </a>
        }
      />
      <PeriodPicker page={page} years={years} />
      <div className="space-y-6">
        <HeadlineFigures page={page} />
        <Breakdown page={page} dimension="field" chart />
        <Breakdown page={page} dimension="type" />
        <Breakdown page={page} dimension="organization" />
        <Breakdown page={page} dimension="program" />
        <OverdueLists lists={page.overdue} />
      </div>
    </>
  );
}
