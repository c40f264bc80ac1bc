import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadNewProgramForm } from '@/lib/programs/loaders';
import { Card, PageHeader } from '@/components/ui/card';
import { NewProgramForm } from '@/components/programs/program-form';
import { withClientIntl } from '@/components/i18n/client-intl';

export async function generateMetadata() {
  return { title: (await getTranslations('programs'))('form.newTitle') };
}

async function NewProgramPage() {
  const page = await loadNewProgramForm();
  const t = await getTranslations('programs');
  return (
    <>
      <Link href="/department/programs" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← {t('form.back')}
      </Link>
      <PageHeader title={t('form.newTitle')} description={t('form.newDescription')} />
      <Card>
        <NewProgramForm initial={page.initial} />
      </Card>
    </>
  );
}

export default withClientIntl(NewProgramPage);
