import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadIdentificationCouncil } from '@/lib/identification/loaders';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import { Alert, Card, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { NeedsStatusBadge } from '@/components/needs/needs-detail';
import { ConcludeButton } from '@/components/identification/conclude-button';
import { MeetingForm } from '@/components/department/meeting-form';
import { MeetingList } from '@/components/department/meeting-list';
import { DocumentLinks } from '@/components/documents/document-links';
import { loadIdentificationDocuments } from '@/lib/documents/loaders';
import { withClientIntl } from '@/components/i18n/client-intl';

export async function generateMetadata() {
  return { title: (await getTranslations('identification'))('council.title') };
}

async function IdentificationCouncilPage({ params }: { params: Promise<{ councilId: string }> }) {
  const { councilId } = await params;
  const [council, documents] = await Promise.all([loadIdentificationCouncil(councilId), loadIdentificationDocuments(councilId)]);
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  return (
    <>
      <PageHeader
        title={<span data-testid="identification-heading">{council.name}</span>}
        description={`${council.call.title} (${council.call.year})${council.meetingAt ? ` · ${formatDateTime(council.meetingAt, locale)}` : ''}`}
        actions={
          <>
            <span data-testid="identification-status" data-status={council.status}>
              <Badge tone={council.status === 'ACTIVE' ? 'blue' : 'slate'}>{t(`identification.councilStatus.${council.status}`)}</Badge>
            </span>
            <Link href="/department/needs/councils" className="text-sm text-brand-700 hover:underline">
              {t('identification.council.back')}
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        <Card title={t('identification.council.members')}>
          <DataTable
            label={t('identification.council.members')}
            rows={council.members}
            rowKey={(m) => m.id}
            rowAttributes={(m) => ({ 'member-id': m.id, conflict: m.conflictStatus })}
            empty="—"
            testId="identification-members"
            columns={[
              { key: 'name', header: t('deptCouncil.evaluator'), cell: (m) => m.user.name },
              { key: 'position', header: t('deptCouncil.position'), cell: (m) => t(`positions.${m.position}`) },
              {
                key: 'conflict',
                header: t('identification.council.declaration'),
                cell: (m) => (
                  <>
                    {t(`conflict.${m.conflictStatus}`)}
                    {m.conflictReason && <span className="block text-xs text-slate-600">{m.conflictReason}</span>}
                  </>
                ),
              },
              {
                key: 'rated',
                header: t('identification.council.rated'),
                align: 'right',
                cell: (m) => `${m._count.ratings}/${council.proposals.length}`,
              },
            ]}
          />
        </Card>
        <Card title={t('identification.council.proposals')}>
          <DataTable
            label={t('identification.council.proposals')}
            rows={council.proposals}
            rowKey={(p) => p.id}
            rowAttributes={(p) => ({ 'needs-id': p.id, outcome: p.result.outcome ?? 'none' })}
            empty="—"
            testId="identification-proposals"
            columns={[
              {
                key: 'title',
                header: t('needs.fields.title'),
                className: 'max-w-md',
                cell: (p) => (
                  <>
                    <Link href={`/department/needs/${p.id}`} className="font-medium text-brand-700 hover:underline">
                      {p.code} · {p.title}
                    </Link>
                    <span className="block text-xs text-slate-600">{p.organization.name}</span>
                    {p.refinedTitle && (
                      <span className="block text-xs text-slate-700">
                        {t('identification.council.refinedTitle')}: {p.refinedTitle}
                      </span>
                    )}
                  </>
                ),
              },
              {
                key: 'quorum',
                header: t('deptCouncil.result.quorum'),
                className: 'whitespace-nowrap tabular-nums',
                cell: (p) => `${p.result.quorum.submitted}/${p.result.quorum.required}`,
              },
              {
                key: 'recommending',
                header: t('identification.council.recommending'),
                className: 'tabular-nums',
                cell: (p) => `${p.result.recommending}/${p.result.voters}`,
              },
              {
                key: 'outcome',
                header: t('identification.council.outcome'),
                cell: (p) => (
                  <span data-testid="identification-outcome">
                    {p.result.outcome ? t(`identification.outcome.${p.result.outcome}`) : t('identification.outcome.none')}
                    {p.result.method && (
                      <span className="block text-xs text-slate-600">
                        {t(`identification.rating.methods.${p.result.method}`)}
                        {p.result.directOrganizationName && `: ${p.result.directOrganizationName}`}
                      </span>
                    )}
                  </span>
                ),
              },
              { key: 'status', header: t('needs.fields.status'), cell: (p) => <NeedsStatusBadge status={p.status} /> },
            ]}
          />
        </Card>
        <Card title={t('meetings.title')}>
          <div className="space-y-3" data-testid="identification-meetings">
            <MeetingList meetings={council.meetings} />
            {council.status === 'ACTIVE' && (
              <MeetingForm target="identification" councilId={council.id} seats={council.meetingSeats} heldAt={council.meetingHeldAt} />
            )}
          </div>
        </Card>
        {council.status === 'ACTIVE' && (
          <Card title={t('identification.council.conclusion')}>
            <div className="space-y-3">
              {council.undecided > 0 ? (
                <Alert tone="warning">{t('identification.council.undecided', { count: council.undecided })}</Alert>
              ) : !council.meetingValid ? (
                <Alert tone="warning">{t('errors.meetingNotValid')}</Alert>
              ) : (
                <p className="text-sm text-slate-700">{t('identification.council.concludeHint')}</p>
              )}
              <ConcludeButton councilId={council.id} version={council.version} disabled={!council.canConclude} />
            </div>
          </Card>
        )}
        <DocumentLinks documents={documents} />
      </div>
    </>
  );
}

export default withClientIntl(IdentificationCouncilPage);
