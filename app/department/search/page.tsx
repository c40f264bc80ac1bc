import { getTranslations } from 'next-intl/server';
import { loadSearchPage } from '@/lib/search/loaders';
import { PageHeader, EmptyState } from '@/components/ui/card';
import { FilterBar } from '@/components/ui/filter-bar';
import { SearchResults } from '@/components/search/search-results';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const page = await loadSearchPage(await searchParams);
  const t = await getTranslations('search');
  return (
    <>
      <PageHeader title={page.q ? t('resultsFor', { q: page.q }) : t('title')} description={t('description')} />
      <FilterBar action="/department/search" q={{ value: page.q, placeholder: t('placeholder') }} />
      {page.q ? <SearchResults page={page} /> : <EmptyState>{t('empty')}</EmptyState>}
    </>
  );
}
