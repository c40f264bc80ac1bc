import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { CouncilResult } from '@/lib/councils/result';

function Line({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2 py-1.5">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-sm font-medium text-slate-900 tabular-nums" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** The council's computed result (quorum, mean score and approvals, or ratings and grade), as the service computes it. */
export async function CouncilResultSummary({ result }: { result: CouncilResult }) {
  const t = await getTranslations();
  const locale = await getLocale();
  const q = result.quorum;
  return (
    <div data-testid="council-result" data-stage={result.stage} data-quorum-met={q.met} data-meeting-valid={result.meeting.valid}>
      <dl className="divide-y divide-slate-100">
        <Line label={t('deptCouncil.result.quorum')} testId="council-quorum">
          {t('deptCouncil.result.quorumValue', { submitted: q.submitted, required: q.required, members: q.members })}{' '}
          {q.met ? (
            <Badge tone="green">{t('deptCouncil.result.quorumMet')}</Badge>
          ) : (
            <Badge tone="amber">{t('deptCouncil.result.quorumNotMet')}</Badge>
          )}
        </Line>
        <Line label={t('meetings.resultLine')} testId="council-meeting">
          {result.meeting.valid ? (
            <Badge tone="green">{t('meetings.valid')}</Badge>
          ) : (
            <Badge tone="amber">{result.meeting.recorded ? t('meetings.invalid') : t('meetings.notRecorded')}</Badge>
          )}
        </Line>
        {result.stage === 'PROPOSAL' ? (
          <>
            <Line label={t('deptCouncil.result.meanScore')} testId="council-mean-score">
              {result.meanScore === null
                ? '—'
                : t('deptCouncil.result.meanScoreValue', {
                    mean: result.meanScore.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB'),
                    passMark: result.passMark,
                  })}
            </Line>
            <Line label={t('deptCouncil.result.approvals')} testId="council-approvals">
              {t('deptCouncil.result.approvalsValue', { approvals: result.approvals, voters: result.voters })}
            </Line>
            <Line label={t('deptCouncil.result.outcome')} testId="council-outcome">
              {result.outcome === 'RECOMMEND_APPROVAL' ? (
                <Badge tone="green">{t('deptCouncil.result.RECOMMEND_APPROVAL')}</Badge>
              ) : result.outcome === 'RECOMMEND_REJECTION' ? (
                <Badge tone="red">{t('deptCouncil.result.RECOMMEND_REJECTION')}</Badge>
              ) : (
                <Badge tone="slate">{t('deptCouncil.result.noOutcome')}</Badge>
              )}
            </Line>
          </>
        ) : (
          <>
            <Line label={t('deptCouncil.result.ratings')} testId="council-rating-counts">
              {(['EXCELLENT', 'PASS', 'FAIL'] as const).map((r) => `${t(`ratings.${r}`)}: ${result.counts[r]}`).join(' · ')}
            </Line>
            <Line label={t('deptCouncil.result.grade')} testId="council-grade">
              {result.grade ? (
                <Badge tone={result.grade === 'FAIL' ? 'red' : 'green'}>{t(`ratings.${result.grade}`)}</Badge>
              ) : (
                <Badge tone="slate">{t('deptCouncil.result.noOutcome')}</Badge>
              )}
            </Line>
            {result.late && (
              <Line label={t('deptCouncil.result.late')} testId="council-late">
                {result.downgradedForLateness && result.gradeBeforeLateness
                  ? t('deptCouncil.result.downgraded', { before: t(`ratings.${result.gradeBeforeLateness}`) })
                  : t('deptCouncil.result.lateNoDowngrade')}
              </Line>
            )}
          </>
        )}
      </dl>
    </div>
  );
}
