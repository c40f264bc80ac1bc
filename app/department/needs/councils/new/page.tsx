import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { loadIdentificationForm } from '@/lib/identification/loaders';
import { Alert, PageHeader } from '@/components/ui/card';
import { IdentificationCouncilForm } from '@/components/identification/council-form';
import { withClientIntl } from '@/components/i18n/client-intl';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations('identification'))('form.title') };
}

async function NewIdentificationCouncilPage({ searchParams }: Props) {
  const { callId } = await searchParams;
  if (typeof callId !== 'string') notFound();
  const page = await loadIdentificationForm(callId);
  const t = await getTranslations('identification');
  return (
    <>
      <PageHeader title={t('form.title')} description={`${page.call.title} (${page.call.year})`} />
      {page.needs.length === 0 ? (
        <Alert tone="warning">
          <span data-testid="identification-nothing">{t('form.nothing')}</span>
        </Alert>
      ) : (
        <IdentificationCouncilForm page={page} />
      )}
    </>
  );
}

export default withClientIntl(NewIdentificationCouncilPage);
