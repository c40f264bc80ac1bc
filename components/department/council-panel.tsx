import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import type { Criterion } from '@/lib/domain/settings';
import type { TaskCouncilView } from '@/lib/tasks/loaders';
import { MeetingList } from './meeting-list';
import { MeetingForm } from './meeting-form';
import { CouncilResultSummary } from './council-result';
import { ReplaceMemberForm } from './replace-member-form';

export type TaskCouncil = TaskCouncilView;
type Candidate = { id: string; name: string; affiliation: string };
type ProductRating = { product: string; rating: string | null };

/** A ballot's scores in the order of the department's criteria (scores of retired criteria last). */
function orderedScores(scores: Record<string, number>, criteria: Criterion[]): [string, number][] {
  const known = criteria.filter((c) => c.key in scores).map((c) => [c.key, scores[c.key]] as [string, number]);
  return [...known, ...Object.entries(scores).filter(([k]) => !criteria.some((c) => c.key === k))];
}

/**
 * One council as the department sees it: members with their position and conflict declaration, every
 * submitted ballot (scores and recommendation, or ratings) with comments, and the computed result.
 * A member who declared a conflict on an active council can be replaced from `candidates`.
 */
export async function CouncilPanel({
  council,
  criteria,
  candidates,
}: {
  council: TaskCouncil;
  criteria: Criterion[];
  candidates: Candidate[];
}) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const label = (key: string) => {
    const c = criteria.find((x) => x.key === key);
    return c ? (locale === 'vi' ? c.labelVi : c.labelEn) : key;
  };
  const active = council.status === 'ACTIVE';
  const conflictTone = { PENDING: 'amber', NO_CONFLICT: 'green', CONFLICT: 'red' } as const;
  return (
    <Card
      title={t('deptCouncil.councilTitle', { stage: t(`stages.${council.stage}`) })}
      actions={<Badge tone={active ? 'blue' : 'slate'}>{active ? t('deptCouncil.active') : t('deptCouncil.closed')}</Badge>}
    >
      <div className="space-y-4" data-testid="council" data-stage={council.stage} data-status={council.status} data-council-id={council.id}>
        <p className="text-xs text-slate-500">
          {t('deptCouncil.formedAt', { date: formatDateTime(council.createdAt, locale) })}
          {council.meetingAt && ` · ${t('deptCouncil.meetingAtValue', { date: formatDateTime(council.meetingAt, locale) })}`}
          {council.closedAt && ` · ${t('deptCouncil.closedAt', { date: formatDateTime(council.closedAt, locale) })}`}
        </p>
        <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {council.members.map((m) => {
              const b = m.ballot?.status === 'SUBMITTED' ? m.ballot : null;
              const scores = (b?.scores as Record<string, number> | null) ?? {};
              const products = (b?.productRatings as ProductRating[] | null) ?? [];
              return (
                <li
                  key={m.id}
                  className="space-y-1 px-3 py-2 text-sm"
                  data-testid="council-member"
                  data-member-id={m.id}
                  data-user-id={m.user.id}
                  data-conflict={m.conflictStatus}
                  data-position={m.position}
                >
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span>
                      <span className="font-medium">{m.user.name}</span>
                      <span className="ml-2 text-xs text-slate-500">{t(`positions.${m.position}`)}</span>
                    </span>
                    <span className="flex flex-wrap gap-1">
                      <Badge tone={conflictTone[m.conflictStatus]}>{t(`conflict.${m.conflictStatus}`)}</Badge>
                      {m.recusedOnTask && m.conflictStatus !== 'CONFLICT' && <Badge tone="red">{t('deptCouncil.recusedElsewhere')}</Badge>}
                      <Badge tone={b ? 'green' : 'slate'}>
                        {b ? t('deptCouncil.ballotSubmitted') : m.ballot ? t('deptCouncil.ballotDraft') : t('deptCouncil.ballotNone')}
                      </Badge>
                    </span>
                  </div>
                  {m.conflictStatus === 'CONFLICT' && m.conflictReason && (
                    <p className="text-xs text-red-800">
                      {t('deptCouncil.conflictReason')}: {m.conflictReason}
                    </p>
                  )}
                  {b && council.stage === 'PROPOSAL' && (
                    <div className="text-xs text-slate-700" data-testid="ballot">
                      <p>
                        {orderedScores(scores, criteria)
                          .map(([k, v]) => `${label(k)}: ${v}`)
                          .join(' · ')}
                        {' — '}
                        <span className="font-semibold">{t('deptCouncil.total', { total: b.totalScore ?? 0 })}</span>
                      </p>
                      {b.recommendation && (
                        <p>
                          {t('deptCouncil.recommendation')}: <span className="font-medium">{t(`recommendations.${b.recommendation}`)}</span>
                        </p>
                      )}
                    </div>
                  )}
                  {b && council.stage === 'ACCEPTANCE' && (
                    <div className="text-xs text-slate-700" data-testid="ballot">
                      {products.length > 0 && (
                        <p>{products.map((p) => `${p.product}: ${p.rating ? t(`ratings.${p.rating}`) : '—'}`).join(' · ')}</p>
                      )}
                      <p>
                        {t('deptCouncil.reportRating')}: {b.reportRating ? t(`ratings.${b.reportRating}`) : '—'} ·{' '}
                        {t('deptCouncil.overallRating')}:{' '}
                        <span className="font-semibold">{b.overallRating ? t(`ratings.${b.overallRating}`) : '—'}</span>
                      </p>
                    </div>
                  )}
                  {b?.comments && <p className="whitespace-pre-line rounded bg-slate-50 px-2 py-1 text-xs text-slate-800">{b.comments}</p>}
                  {active && m.conflictStatus === 'CONFLICT' && !m.replacedById && (
                    <ReplaceMemberForm memberId={m.id} candidates={candidates} />
                  )}
                </li>
              );
            })}
          </ul>
          <div className="rounded-md border border-slate-200 p-3">
            <h3 className="mb-1 text-sm font-semibold text-slate-900">{t('deptCouncil.result.title')}</h3>
            <CouncilResultSummary result={council.result} />
          </div>
        </div>
        <section className="space-y-3" aria-label={t('meetings.title')}>
          <h3 className="text-sm font-semibold text-slate-900">{t('meetings.title')}</h3>
          <MeetingList meetings={council.meetings} />
          {council.meetingForm && (
            <div className="rounded-md border border-slate-200 p-3">
              <MeetingForm target="council" councilId={council.id} seats={council.meetingForm.seats} heldAt={council.meetingForm.heldAt} />
            </div>
          )}
        </section>
      </div>
    </Card>
  );
}
