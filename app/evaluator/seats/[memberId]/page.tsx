import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadSeatPage } from '@/lib/tasks/seat-loaders';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import { Alert, Card, PageHeader } from '@/components/ui/card';
import { TaskDossier } from '@/components/tasks/dossier';
import { AttachmentList } from '@/components/tasks/attachment-list';
import { SeatSummary } from '@/components/evaluator/seat-summary';
import { SeatBallot } from '@/components/evaluator/seat-ballot';
import { ConflictForm } from '@/components/evaluator/conflict-form';
import { DocumentLinks } from '@/components/documents/document-links';
import { loadSeatDocuments } from '@/lib/documents/loaders';
import { withClientIntl } from '@/components/i18n/client-intl';

async function SeatPage({ params }: { params: Promise<{ memberId: string }> }) {
  const { memberId } = await params;
  const [data, documents] = await Promise.all([loadSeatPage(memberId), loadSeatDocuments(memberId)]);
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  const { seat, dossier } = data;
  const { council } = seat;
  const title = council.task.title ?? council.task.code ?? t('seat.title');
  return (
    <>
      <Link href="/evaluator" className="mb-3 inline-block text-sm text-brand-700 hover:underline" data-testid="back-to-seats">
        ← {t('seat.back')}
      </Link>
      <PageHeader
        title={title}
        description={t('seat.description', { stage: t(`stages.${council.stage}`), position: t(`positions.${seat.position}`) })}
      />
      <div className="space-y-6">
        <SeatSummary seat={seat} />
        <DocumentLinks documents={documents} />

        {seat.conflictStatus === 'PENDING' &&
          !data.recused &&
          (data.mayDeclare ? (
            <Card title={t('conflictForm.title')}>
              <div className="space-y-4">
                <Alert tone="warning" title={t('conflictForm.beforeDossier')}>
                  <p>{t('conflictForm.rulesIntro')}</p>
                  <ul className="mt-1 list-disc pl-5">
                    <li>{t('conflictForm.ruleOrganization')}</li>
                    <li>{t('conflictForm.ruleTeam')}</li>
                    <li>{t('conflictForm.ruleRelative')}</li>
                    <li>{t('conflictForm.ruleOther')}</li>
                  </ul>
                </Alert>
                <ConflictForm memberId={seat.id} />
              </div>
            </Card>
          ) : (
            <Alert tone="info">
              <span data-testid="seat-closed-undeclared">{t('seat.closedUndeclared')}</span>
            </Alert>
          ))}

        {seat.conflictStatus === 'CONFLICT' && (
          <Alert tone="warning" title={t('seat.recusedTitle')}>
            <div data-testid="recused-notice" className="space-y-1">
              <p>{t('seat.recusedBody')}</p>
              <p>
                <span className="font-medium">{t('seat.recusedReason')}:</span>{' '}
                <span className="whitespace-pre-line" data-testid="recused-reason">
                  {seat.conflictReason ?? '—'}
                </span>
              </p>
              {seat.declaredAt && <p className="text-xs">{t('seat.declaredAt', { at: formatDateTime(seat.declaredAt, locale) })}</p>}
            </div>
          </Alert>
        )}

        {data.recusedElsewhere && (
          <Alert tone="warning" title={t('seat.dossierClosedTitle')}>
            <span data-testid="dossier-closed">{t('seat.dossierClosedBody')}</span>
          </Alert>
        )}

        {dossier && (
          <>
            <p className="text-sm">
              <a href="#ballot" className="font-medium text-brand-700 hover:underline" data-testid="jump-to-ballot">
                {t('seat.jumpToBallot')} ↓
              </a>
            </p>
            <TaskDossier dossier={dossier} />
            <Card title={t('attachments.title')}>
              <AttachmentList attachments={dossier.task.attachments} />
            </Card>
            <section id="ballot" className="scroll-mt-4 space-y-3">
              <h2 className="text-lg font-semibold text-slate-900">{t('ballot.sectionTitle')}</h2>
              <SeatBallot data={data} />
            </section>
          </>
        )}
      </div>
    </>
  );
}

export default withClientIntl(SeatPage);
