import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadNewListForm } from '@/lib/lists/loaders';
import { Card, PageHeader } from '@/components/ui/card';
import { CreateListForm } from '@/components/lists/list-forms';
import { withClientIntl } from '@/components/i18n/client-intl';

export async function generateMetadata() {
  return { title: (await getTranslations('lists'))('list.create') };
}

async function NewOrderListPage() {
  const page = await loadNewListForm();
  const t = await getTranslations('lists');
  return (
    <>
      <Link href="/department/lists" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← {t('list.title')}
      </Link>
      <PageHeader title={t('list.create')} description={t('list.newDescription')} />
      <Card>
        <CreateListForm defaultYear={page.defaultYear} />
      </Card>
    </>
  );
}

export default withClientIntl(NewOrderListPage);
