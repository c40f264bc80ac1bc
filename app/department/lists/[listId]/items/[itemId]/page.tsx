import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadListItemForm } from '@/lib/lists/loaders';
import { Alert, Card, PageHeader } from '@/components/ui/card';
import { ListItemForm } from '@/components/lists/list-forms';
import { withClientIntl } from '@/components/i18n/client-intl';

export async function generateMetadata() {
  return { title: (await getTranslations('lists'))('item.title') };
}

async function ListItemPage({ params }: { params: Promise<{ listId: string; itemId: string }> }) {
  const { listId, itemId } = await params;
  const page = await loadListItemForm(listId, itemId);
  const t = await getTranslations('lists');
  return (
    <>
      <Link href={`/department/lists/${page.item.list.id}`} className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        {t('item.back')}
      </Link>
      <PageHeader title={t('item.title')} description={page.item.list.title} />
      {page.editable ? (
        <Card>
          <ListItemForm page={page} />
        </Card>
      ) : (
        <Alert tone="warning">{t('item.notEditable')}</Alert>
      )}
    </>
  );
}

export default withClientIntl(ListItemPage);
