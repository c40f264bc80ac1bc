import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadDeptNeedsPage } from '@/lib/needs/loaders';
import { Alert, PageHeader } from '@/components/ui/card';
import { NeedsDetail, NeedsStatusBadge } from '@/components/needs/needs-detail';
import { DeptNeedsActions } from '@/components/needs/dept-needs-actions';
import { withClientIntl } from '@/components/i18n/client-intl';

export async function generateMetadata() {
  return { title: (await getTranslations('needs'))('detail.pageTitle') };
}

async function DeptNeedsDetailPage({ params }: { params: Promise<{ needsId: string }> }) {
  const { needs, actions } = await loadDeptNeedsPage((await params).needsId);
  const t = await getTranslations();
  return (
    <>
      <PageHeader
        title={<span data-testid="needs-heading">{needs.title}</span>}
        description={[needs.code ?? t('needs.detail.noCode'), needs.organization.name].join(' · ')}
        actions={
          <>
            <NeedsStatusBadge status={needs.status} />
            <Link href="/department/needs" className="text-sm text-brand-700 hover:underline">
              {t('needs.detail.backToList')}
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        {needs.status === 'RETURNED' && needs.returnNote && (
          <Alert tone="warning" title={t('needs.detail.returnedTitle')}>
            <p className="whitespace-pre-line">{needs.returnNote}</p>
          </Alert>
        )}
        <DeptNeedsActions key={needs.version} needsId={needs.id} version={needs.version} actions={actions} />
        <NeedsDetail needs={needs} area="department" />
      </div>
    </>
  );
}

export default withClientIntl(DeptNeedsDetailPage);
