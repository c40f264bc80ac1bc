import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadNeedsForm } from '@/lib/needs/loaders';
import { Alert, PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { PendingNotice } from '@/components/org/pending-notice';
import { NeedsForm } from '@/components/needs/needs-form';
import { withClientIntl } from '@/components/i18n/client-intl';

type Props = { params: Promise<{ needsId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations('needs'))('form.editTitle') };
}

async function EditNeedsPage({ params, searchParams }: Props) {
  const page = await loadNeedsForm((await params).needsId, await searchParams);
  const t = await getTranslations();
  if (page.kind === 'pending') {
    return (
      <>
        <PageHeader title={t('needs.form.editTitle')} />
        <PendingNotice organizationName={page.organizationName} />
      </>
    );
  }
  if (page.kind === 'notEditable') {
    return (
      <>
        <PageHeader title={t('needs.form.editTitle')} description={page.needs.title} />
        <div className="space-y-4">
          <Alert tone="warning">
            <span data-testid="not-editable">{t('errors.notEditable')}</span>
          </Alert>
          <Link href={`/org/needs/${page.needs.id}`} className={buttonClass('secondary')}>
            {t('needs.detail.backToNeeds')}
          </Link>
        </div>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('needs.form.editTitle')} description={page.needs ? `${page.needs.call.title}` : undefined} />
      <NeedsForm key={page.needs?.version} page={page} />
    </>
  );
}

export default withClientIntl(EditNeedsPage);
