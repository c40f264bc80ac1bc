'use client';
import { useMemo } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { RECOMMENDATIONS } from '@/lib/councils/choices';
import type { proposalBallotSchema } from '@/lib/councils/schemas';
import type { Criterion } from '@/lib/domain/settings';
import { SelectField, TextField } from '@/components/forms/zod-form';
import { BallotForm, useBallotForm } from './ballot-buttons';
import { criterionLabel } from './labels';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/councils/schemas');

export type ProposalDraft = { scores: Record<string, number>; recommendation: string | null; comments: string } | null;

/** Proposal-stage ballot: a score per criterion (0..max) with a live total, a recommendation and comments. */
export function ProposalBallotForm({ memberId, criteria, draft }: { memberId: string; criteria: Criterion[]; draft: ProposalDraft }) {
  const t = useTranslations();
  const locale = useLocale();
  // The schema is fetched when the form is first used (components/forms/zod-form.tsx), built once per criteria.
  const schema = useMemo(() => {
    let built: Promise<ReturnType<typeof proposalBallotSchema>> | undefined;
    return () => (built ??= schemas().then((m) => m.proposalBallotSchema(criteria)));
  }, [criteria]);
  const state = useBallotForm(schema, {
    memberId,
    submit: false,
    scores: Object.fromEntries(criteria.map((c) => [c.key, draft?.scores?.[c.key] !== undefined ? String(draft.scores[c.key]) : ''])),
    recommendation: draft?.recommendation ?? '',
    comments: draft?.comments ?? '',
  });
  const ballot = state.ballot;
  const scores = (ballot.form.watch('scores') ?? {}) as Record<string, unknown>;
  const maxTotal = criteria.reduce((a, c) => a + c.max, 0);
  const total = criteria.reduce((a, c) => {
    const raw = String(scores[c.key] ?? '').trim();
    const n = Number(raw);
    return raw !== '' && Number.isFinite(n) ? a + n : a;
  }, 0);
  return (
    <BallotForm state={state} testId="proposal-ballot-form">
      <div className="space-y-3">
        {criteria.map((c) => (
          <TextField
            key={c.key}
            name={`scores.${c.key}`}
            required
            label={
              <>
                {criterionLabel(c, locale)} <span className="font-normal text-slate-500">({t('ballot.maxPoints', { max: c.max })})</span>
              </>
            }
            className="max-w-md [&_input]:w-32"
            type="number"
            inputMode="numeric"
            min={0}
            max={c.max}
            step={1}
            testId={`score-${c.key}`}
          />
        ))}
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm font-medium text-slate-800" aria-live="polite">
          {t('ballot.total')}:{' '}
          <span className="tabular-nums" data-testid="ballot-total">
            {total}
          </span>{' '}
          / {maxTotal}
        </p>
      </div>
      <SelectField
        name="recommendation"
        label={t('ballot.recommendation')}
        required
        placeholder={t('ballot.chooseRecommendation')}
        options={RECOMMENDATIONS.map((r) => ({ value: r, label: t(`recommendations.${r}`) }))}
        testId="ballot-recommendation"
      />
    </BallotForm>
  );
}
