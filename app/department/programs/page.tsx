import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadProgramsPage } from '@/lib/programs/loaders';
import { PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { FilterBar } from '@/components/ui/filter-bar';
import { ProgramTable } from '@/components/programs/program-view';
import { ExportLinks } from '@/components/ui/export-links';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations('programs'))('list.title') };
}

export default async function ProgramsPage({ searchParams }: Props) {
  const page = await loadProgramsPage(await searchParams);
  const t = await getTranslations('programs');
  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description', { total: page.paging.total })}
        actions={
          <div className="flex flex-wrap gap-2">
            <ExportLinks list="programs" params={page.query.params} />
            {page.canCreate && (
              <Link href="/department/programs/new" className={buttonClass('primary')} data-testid="program-new">
                {t('list.new')}
              </Link>
            )}
          </div>
        }
      />
      <FilterBar action="/department/programs" q={{ value: page.filter.q, placeholder: t('list.search') }} />
      <ProgramTable page={page} />
    </>
  );
}
