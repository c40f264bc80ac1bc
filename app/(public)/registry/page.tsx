import Link from 'next/link';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { loadRegistryPage } from '@/lib/registry/loaders';
import { PageHeader } from '@/components/ui/card';
import { FilterBar } from '@/components/ui/filter-bar';
import { RegistryList } from '@/components/registry/registry-list';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('registry');
  return { title: t('title') };
}

export default async function RegistryPage({ searchParams }: Props) {
  const page = await loadRegistryPage(await searchParams);
  const t = await getTranslations('registry');
  return (
    <>
      <PageHeader
        title={t('title')}
        description={`${t('description')} ${t('found', { total: page.paging.total })}`}
        actions={
          <Link className="text-sm font-medium text-brand-700 hover:underline" href="/login">
            {t('login')}
          </Link>
        }
      />
      <FilterBar action="/registry" q={{ value: page.q, placeholder: t('searchPlaceholder') }} />
      <RegistryList page={page} />
    </>
  );
}
