import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadUrgentForm } from '@/lib/lists/loaders';
import { Card, PageHeader } from '@/components/ui/card';
import { UrgentListedForm } from '@/components/lists/list-forms';
import { withClientIntl } from '@/components/i18n/client-intl';

export async function generateMetadata() {
  return { title: (await getTranslations('lists'))('urgent.title') };
}

async function UrgentListedTaskPage() {
  const page = await loadUrgentForm();
  const t = await getTranslations('lists');
  return (
    <>
      <Link href="/department/listed-tasks" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← {t('listed.title')}
      </Link>
      <PageHeader title={t('urgent.title')} description={t('urgent.description')} />
      <Card>
        <UrgentListedForm organizations={page.organizations} programs={page.programs} defaultYear={page.defaultYear} />
      </Card>
    </>
  );
}

export default withClientIntl(UrgentListedTaskPage);
