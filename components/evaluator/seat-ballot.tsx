import { getLocale, getTranslations } from 'next-intl/server';
import { Alert, Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import { BallotView } from './ballot-view';
import { OthersBallots } from './others-ballots';
import { ProposalBallotForm } from './proposal-ballot-form';
import { AcceptanceBallotForm } from './acceptance-ballot-form';
import { productNames } from './labels';
import type { SeatData } from './seat-summary';

/**
 * The evaluator's ballot on a seat they declared no conflict for: the form while it is a draft and the council
 * is active; once submitted (or the council closed) a locked view, then the other members' ballots when the
 * service returns them.
 */
export async function SeatBallot({ data }: { data: SeatData }) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const { seat, criteria, others } = data;
  const { stage } = seat.council;
  const products = productNames(seat.council.task.expectedProducts);
  const ballot = seat.ballot;
  const submitted = ballot?.status === 'SUBMITTED';
  const closed = seat.council.status === 'CLOSED';
  const othersSection = others ? (
    <Card title={t('ballot.othersTitle')}>
      <OthersBallots stage={stage} others={others} criteria={criteria} products={products} />
    </Card>
  ) : null;

  if (submitted || closed) {
    return (
      <div className="space-y-6">
        <Card
          title={t('ballot.ownTitle')}
          actions={
            submitted ? (
              <span data-testid="ballot-locked">
                <Badge tone="green">{t('ballot.submittedLocked')}</Badge>
              </span>
            ) : (
              <Badge tone="slate">{t('ballot.notSubmitted')}</Badge>
            )
          }
        >
          <div className="space-y-3" data-testid="own-ballot">
            {submitted ? (
              <Alert tone="success">
                <span data-testid="ballot-submitted">{t('ballot.submittedAt', { at: formatDateTime(ballot.submittedAt, locale) })}</span>
              </Alert>
            ) : (
              <Alert tone="warning">
                <span data-testid="ballot-council-closed">{t('ballot.councilClosed')}</span>
              </Alert>
            )}
            {ballot && <BallotView stage={stage} ballot={ballot} criteria={criteria} products={products} />}
          </div>
        </Card>
        {othersSection ?? (
          <Alert tone="info">
            <span data-testid="others-hidden">{t('ballot.othersAfterClose')}</span>
          </Alert>
        )}
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <Card
        title={t('ballot.ownTitle')}
        actions={<Badge tone={ballot ? 'amber' : 'slate'}>{ballot ? t('ballot.draft') : t('ballot.notStarted')}</Badge>}
      >
        <div className="space-y-4" data-testid="own-ballot">
          <p className="text-sm text-slate-600">{t(stage === 'PROPOSAL' ? 'ballot.introProposal' : 'ballot.introAcceptance')}</p>
          {ballot && (
            <p className="text-xs text-slate-500" data-testid="ballot-draft-updated">
              {t('ballot.draftUpdatedAt', { at: formatDateTime(ballot.updatedAt, locale) })}
            </p>
          )}
          {stage === 'PROPOSAL' ? (
            <ProposalBallotForm
              memberId={seat.id}
              criteria={criteria}
              draft={
                ballot
                  ? {
                      scores: (ballot.scores ?? {}) as Record<string, number>,
                      recommendation: ballot.recommendation,
                      comments: ballot.comments,
                    }
                  : null
              }
            />
          ) : (
            <AcceptanceBallotForm
              memberId={seat.id}
              products={products}
              draft={
                ballot
                  ? {
                      productRatings: (Array.isArray(ballot.productRatings) ? ballot.productRatings : []).map((r) =>
                        r && typeof r === 'object' && 'rating' in r ? (r.rating as string | null) : null,
                      ),
                      reportRating: ballot.reportRating,
                      overallRating: ballot.overallRating,
                      comments: ballot.comments,
                    }
                  : null
              }
            />
          )}
        </div>
      </Card>
      {othersSection ?? (
        <Alert tone="info">
          <span data-testid="others-hidden">{t('ballot.othersAfterSubmit')}</span>
        </Alert>
      )}
    </div>
  );
}
