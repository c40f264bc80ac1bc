import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadIdentificationSeat } from '@/lib/identification/loaders';
import { formatVnd } from '@/lib/domain/format';
import { Alert, Card, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { ConflictForm } from '@/components/evaluator/conflict-form';
import { NeedsRatingForm } from '@/components/identification/rating-form';
import { withClientIntl } from '@/components/i18n/client-intl';

export async function generateMetadata() {
  return { title: (await getTranslations('identification'))('seat.title') };
}

async function IdentificationSeatPage({ params }: { params: Promise<{ memberId: string }> }) {
  const { seat, proposals, organizations } = await loadIdentificationSeat((await params).memberId);
  const t = await getTranslations();
  const active = seat.council.status === 'ACTIVE';
  return (
    <>
      <Link href="/evaluator" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← {t('seat.back')}
      </Link>
      <PageHeader
        title={seat.council.name}
        description={t('identification.seat.description', { position: t(`positions.${seat.position}`) })}
      />
      <div className="space-y-6">
        {seat.conflictStatus === 'PENDING' &&
          (active ? (
            <Card title={t('conflictForm.title')}>
              <div className="space-y-4">
                <Alert tone="warning" title={t('identification.seat.declareFirst')}>
                  <p>{t('identification.seat.batchIntro')}</p>
                  <ul className="mt-1 list-disc pl-5" data-testid="identification-batch">
                    {proposals.map((p) => (
                      <li key={p.id}>
                        {p.code} · {p.title} — {p.organization.name}
                      </li>
                    ))}
                  </ul>
                </Alert>
                <ConflictForm memberId={seat.id} council="identification" />
              </div>
            </Card>
          ) : (
            <Alert>{t('seat.closedUndeclared')}</Alert>
          ))}
        {seat.conflictStatus === 'CONFLICT' && (
          <Alert tone="warning" title={t('seat.recusedTitle')}>
            <span data-testid="recused-notice">{t('identification.seat.recused')}</span>
          </Alert>
        )}
        {seat.conflictStatus === 'NO_CONFLICT' &&
          proposals.map((p) => {
            const mine = 'ratings' in p && p.ratings ? (p.ratings[0] ?? null) : null;
            const locked = mine?.status === 'SUBMITTED' || !active || p.status !== 'UNDER_IDENTIFICATION';
            return (
              <Card key={p.id} title={`${p.code ?? ''} · ${p.title}`}>
                <div className="grid gap-6 lg:grid-cols-2" data-testid={`identification-needs-${p.id}`}>
                  <dl className="space-y-2 text-sm">
                    <div>
                      <dt className="font-medium text-slate-600">{t('needs.fields.organization')}</dt>
                      <dd>{p.organization.name}</dd>
                    </div>
                    {'problem' in p && (
                      <>
                        <div>
                          <dt className="font-medium text-slate-600">{t('needs.fields.problem')}</dt>
                          <dd className="whitespace-pre-line">{p.problem}</dd>
                        </div>
                        <div>
                          <dt className="font-medium text-slate-600">{t('needs.fields.objectives')}</dt>
                          <dd className="whitespace-pre-line">{p.objectives}</dd>
                        </div>
                        <div>
                          <dt className="font-medium text-slate-600">{t('needs.fields.expectedResults')}</dt>
                          <dd className="whitespace-pre-line">{p.expectedResults}</dd>
                        </div>
                        <div>
                          <dt className="font-medium text-slate-600">{t('needs.fields.applyingUnits')}</dt>
                          <dd>{p.applyingUnits}</dd>
                        </div>
                        <div>
                          <dt className="font-medium text-slate-600">{t('needs.fields.budgetEstimate')}</dt>
                          <dd>
                            {formatVnd(p.budgetEstimate ?? null)} · {t('needs.detail.months', { n: p.durationMonths ?? 0 })}
                          </dd>
                        </div>
                      </>
                    )}
                  </dl>
                  <div>
                    {locked ? (
                      <div className="space-y-1 text-sm" data-testid="rating-locked">
                        <Badge tone={mine?.status === 'SUBMITTED' ? 'green' : 'slate'}>
                          {mine?.status === 'SUBMITTED' ? t('identification.rating.submitted') : t('identification.rating.closed')}
                        </Badge>
                        {mine?.recommend !== undefined && mine?.recommend !== null && (
                          <p>{mine.recommend ? t('identification.rating.yes') : t('identification.rating.no')}</p>
                        )}
                        {mine?.refinedTitle && <p>{mine.refinedTitle}</p>}
                      </div>
                    ) : (
                      <NeedsRatingForm memberId={seat.id} needsId={p.id} title={p.title} initial={mine} organizations={organizations} />
                    )}
                  </div>
                </div>
              </Card>
            );
          })}
      </div>
    </>
  );
}

export default withClientIntl(IdentificationSeatPage);
