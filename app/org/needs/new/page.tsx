import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadNeedsForm } from '@/lib/needs/loaders';
import { Alert, PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { PendingNotice } from '@/components/org/pending-notice';
import { NeedsForm } from '@/components/needs/needs-form';
import { withClientIntl } from '@/components/i18n/client-intl';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations('needs'))('form.newTitle') };
}

async function NewNeedsPage({ searchParams }: Props) {
  const page = await loadNeedsForm(null, await searchParams);
  const t = await getTranslations();
  if (page.kind === 'pending') {
    return (
      <>
        <PageHeader title={t('needs.form.newTitle')} />
        <PendingNotice organizationName={page.organizationName} />
      </>
    );
  }
  if (page.kind !== 'form' || page.calls.length === 0) {
    return (
      <>
        <PageHeader title={t('needs.form.newTitle')} />
        <div className="space-y-4">
          <Alert tone="warning">
            <span data-testid="no-needs-call">{t('needs.list.noOpenCall')}</span>
          </Alert>
          <Link href="/org/needs" className={buttonClass('secondary')}>
            {t('needs.detail.backToList')}
          </Link>
        </div>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('needs.form.newTitle')} description={t('needs.form.newDescription')} />
      <NeedsForm page={page} />
    </>
  );
}

export default withClientIntl(NewNeedsPage);
