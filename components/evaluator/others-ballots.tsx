import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/card';
import type { Criterion } from '@/lib/domain/settings';
import { BallotView } from './ballot-view';
import type { SeatData } from './seat-summary';

/** The other (non-recused) members' ballots, shown once the evaluator may see them; a null ballot is not submitted yet. */
export async function OthersBallots({
  stage,
  others,
  criteria,
  products,
}: {
  stage: 'PROPOSAL' | 'ACCEPTANCE';
  others: NonNullable<SeatData['others']>;
  criteria: Criterion[];
  products: string[];
}) {
  const t = await getTranslations();
  if (others.length === 0) return <EmptyState>{t('ballot.noOthers')}</EmptyState>;
  const submitted = others.filter((o) => o.ballot).length;
  return (
    <div className="space-y-3" data-testid="others-ballots">
      <p className="text-sm text-slate-600">{t('ballot.othersSubmitted', { submitted, total: others.length })}</p>
      <ul className="grid gap-3 lg:grid-cols-2">
        {others.map((o) => (
          <li
            key={o.id}
            className="rounded-md border border-slate-200 p-3"
            data-testid={`other-ballot-${o.id}`}
            data-submitted={o.ballot ? 'true' : 'false'}
          >
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 pb-2">
              <p className="text-sm">
                <span className="font-semibold text-slate-900">{o.user.name}</span>
                <span className="ml-2 text-slate-500">{t(`positions.${o.position}`)}</span>
              </p>
              <Badge tone={o.ballot ? 'green' : 'slate'}>{o.ballot ? t('ballot.submitted') : t('ballot.notSubmitted')}</Badge>
            </div>
            {o.ballot ? (
              <BallotView stage={stage} ballot={o.ballot} criteria={criteria} products={products} />
            ) : (
              <p className="text-sm text-slate-500">{t('ballot.notSubmittedYet')}</p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
