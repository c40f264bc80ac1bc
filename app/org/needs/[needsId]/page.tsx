import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadOrgNeedsPage } from '@/lib/needs/loaders';
import { Alert, Card, PageHeader } from '@/components/ui/card';
import { NeedsDetail, NeedsStatusBadge } from '@/components/needs/needs-detail';
import { OrgNeedsActions } from '@/components/needs/org-needs-actions';
import { withClientIntl } from '@/components/i18n/client-intl';

export async function generateMetadata() {
  return { title: (await getTranslations('needs'))('detail.pageTitle') };
}

async function OrgNeedsDetailPage({ params }: { params: Promise<{ needsId: string }> }) {
  const { needs, actions } = await loadOrgNeedsPage((await params).needsId);
  const t = await getTranslations();
  return (
    <>
      <PageHeader
        title={<span data-testid="needs-heading">{needs.title}</span>}
        description={[needs.code ?? t('needs.detail.noCode'), needs.call.title].join(' · ')}
        actions={
          <>
            <NeedsStatusBadge status={needs.status} />
            <Link href="/org/needs" className="text-sm text-brand-700 hover:underline">
              {t('needs.detail.backToList')}
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        <p className="text-sm text-slate-700">
          <span className="font-medium">{t('org.nextStep')}:</span> {t(`needs.next.${needs.status}`)}
        </p>
        {needs.status === 'RETURNED' && needs.returnNote && (
          <Alert tone="warning" title={t('needs.detail.returnedTitle')}>
            <p className="whitespace-pre-line text-base" data-testid="needs-return-note-shown">
              {needs.returnNote}
            </p>
          </Alert>
        )}
        {(actions.submit || actions.withdraw || actions.edit) && (
          <Card title={t('orgTasks.actionsTitle')}>
            <OrgNeedsActions needsId={needs.id} version={needs.version} actions={actions} />
          </Card>
        )}
        <NeedsDetail needs={needs} area="org" />
      </div>
    </>
  );
}

export default withClientIntl(OrgNeedsDetailPage);
