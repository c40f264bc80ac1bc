import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Criterion } from '@/lib/domain/settings';
import { criterionLabel } from './labels';

/** The fields of a ballot a read-only view needs (own ballot or another member's). */
export type BallotData = {
  scores: unknown;
  totalScore: number | null;
  recommendation: string | null;
  productRatings: unknown;
  reportRating: string | null;
  overallRating: string | null;
  comments: string;
};

type StoredProductRating = { product?: string; rating?: string | null };

function Row({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div className="grid gap-1 py-1.5 sm:grid-cols-[16rem_1fr]">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="text-sm font-medium text-slate-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/**
 * A ballot, read-only. Proposal stage: the score per criterion, the total and the recommendation; acceptance
 * stage: the rating per product, of the final report and overall. Comments in both.
 */
export async function BallotView({
  stage,
  ballot,
  criteria,
  products,
}: {
  stage: 'PROPOSAL' | 'ACCEPTANCE';
  ballot: BallotData;
  criteria: Criterion[];
  products: string[];
}) {
  const t = await getTranslations();
  const locale = await getLocale();
  const dash = <span className="text-slate-400">—</span>;
  if (stage === 'PROPOSAL') {
    const scores = (ballot.scores && typeof ballot.scores === 'object' ? ballot.scores : {}) as Record<string, number>;
    // Criteria of the current settings first, then any other key the ballot was scored on.
    const keys = [...criteria.map((c) => c.key), ...Object.keys(scores).filter((k) => !criteria.some((c) => c.key === k))];
    return (
      <dl className="divide-y divide-slate-100">
        {keys.map((k) => {
          const c = criteria.find((x) => x.key === k);
          return (
            <Row key={k} label={c ? criterionLabel(c, locale) : k} testId={`view-score-${k}`}>
              {scores[k] ?? dash}
              {c ? <span className="font-normal text-slate-500"> / {c.max}</span> : null}
            </Row>
          );
        })}
        <Row label={t('ballot.total')} testId="view-total">
          {ballot.totalScore ?? dash}
        </Row>
        <Row label={t('ballot.recommendation')} testId="view-recommendation">
          {ballot.recommendation ? t(`recommendations.${ballot.recommendation}`) : dash}
        </Row>
        <Row label={t('ballot.comments')} testId="view-comments">
          <span className="whitespace-pre-line font-normal">{ballot.comments || dash}</span>
        </Row>
      </dl>
    );
  }
  const stored = (Array.isArray(ballot.productRatings) ? ballot.productRatings : []) as StoredProductRating[];
  const count = Math.max(products.length, stored.length);
  const rating = (r: string | null | undefined) => (r ? t(`ratings.${r}`) : dash);
  return (
    <dl className="divide-y divide-slate-100">
      {Array.from({ length: count }, (_, i) => (
        <Row
          key={i}
          label={t('ballot.productLabel', { index: i + 1, name: products[i] ?? stored[i]?.product ?? '' })}
          testId={`view-product-rating-${i}`}
        >
          {rating(stored[i]?.rating)}
        </Row>
      ))}
      <Row label={t('ballot.reportRating')} testId="view-report-rating">
        {rating(ballot.reportRating)}
      </Row>
      <Row label={t('ballot.overallRating')} testId="view-overall-rating">
        {rating(ballot.overallRating)}
      </Row>
      <Row label={t('ballot.comments')} testId="view-comments">
        <span className="whitespace-pre-line font-normal">{ballot.comments || dash}</span>
      </Row>
    </dl>
  );
}
