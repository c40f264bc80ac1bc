'use client';
import { useMemo, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { proposalBallotSchema, RECOMMENDATIONS } from '@/lib/councils/schemas';
import { saveBallotAction } from '@/lib/councils/actions';
import type { Criterion } from '@/lib/domain/settings';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormError } from '@/components/forms/form-error';
import { Field, Select, TextArea, TextInput } from '@/components/ui/field';
import { Alert } from '@/components/ui/card';
import { BallotButtons } from './ballot-buttons';
import { criterionLabel } from './labels';

export type ProposalDraft = { scores: Record<string, number>; recommendation: string | null; comments: string } | null;

/** Proposal-stage ballot: a score per criterion (0..max) with a live total, a recommendation and comments. */
export function ProposalBallotForm({ memberId, criteria, draft }: { memberId: string; criteria: Criterion[]; draft: ProposalDraft }) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const schema = useMemo(() => proposalBallotSchema(criteria), [criteria]);
  const submitRef = useRef(false);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(criteria.map((c) => [c.key, draft?.scores?.[c.key] !== undefined ? String(draft.scores[c.key]) : ''])),
  );
  const {
    onSubmit,
    fieldErrors: e,
    formError,
    pending,
  } = useActionForm(schema, saveBallotAction, {
    toInput: (form) => {
      const data = new FormData(form);
      return {
        memberId,
        submit: submitRef.current,
        scores: Object.fromEntries(criteria.map((c) => [c.key, scores[c.key].trim() === '' ? '' : Number(scores[c.key])])),
        recommendation: String(data.get('recommendation') ?? ''),
        comments: String(data.get('comments') ?? ''),
      };
    },
    onSuccess: () => {
      setSaved(!submitRef.current);
      router.refresh();
    },
  });
  const maxTotal = criteria.reduce((a, c) => a + c.max, 0);
  const total = criteria.reduce((a, c) => {
    const n = Number(scores[c.key]);
    return scores[c.key].trim() !== '' && Number.isFinite(n) ? a + n : a;
  }, 0);
  return (
    <form
      onSubmit={(ev) => {
        setConfirming(false);
        setSaved(false);
        onSubmit(ev);
      }}
      noValidate
      className="space-y-4"
      data-testid="proposal-ballot-form"
    >
      <div className="space-y-3">
        {criteria.map((c) => {
          const name = `scores.${c.key}`;
          return (
            <Field
              key={c.key}
              name={name}
              error={e[name]}
              required
              label={
                <>
                  {criterionLabel(c, locale)} <span className="font-normal text-slate-500">({t('ballot.maxPoints', { max: c.max })})</span>
                </>
              }
            >
              <div className="w-32">
                <TextInput
                  name={name}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={c.max}
                  step={1}
                  value={scores[c.key]}
                  onChange={(ev) => {
                    const v = ev.target.value;
                    setScores((s) => ({ ...s, [c.key]: v }));
                    setSaved(false);
                  }}
                  error={e[name]}
                  data-testid={`score-${c.key}`}
                />
              </div>
            </Field>
          );
        })}
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm font-medium text-slate-800" aria-live="polite">
          {t('ballot.total')}:{' '}
          <span className="tabular-nums" data-testid="ballot-total">
            {total}
          </span>{' '}
          / {maxTotal}
        </p>
      </div>
      <Field label={t('ballot.recommendation')} name="recommendation" error={e.recommendation} required>
        <Select
          name="recommendation"
          defaultValue={draft?.recommendation ?? ''}
          error={e.recommendation}
          onChange={() => setSaved(false)}
          data-testid="ballot-recommendation"
        >
          <option value="">{t('ballot.chooseRecommendation')}</option>
          {RECOMMENDATIONS.map((r) => (
            <option key={r} value={r}>
              {t(`recommendations.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('ballot.comments')} name="comments" error={e.comments} hint={t('ballot.commentsHint')}>
        <TextArea
          name="comments"
          rows={5}
          maxLength={10_000}
          defaultValue={draft?.comments ?? ''}
          error={e.comments}
          onChange={() => setSaved(false)}
          data-testid="ballot-comments"
        />
      </Field>
      {saved && (
        <Alert tone="success">
          <span data-testid="ballot-draft-saved">{t('ballot.draftSaved')}</span>
        </Alert>
      )}
      <FormError message={formError} />
      <BallotButtons submitRef={submitRef} confirming={confirming} setConfirming={setConfirming} pending={pending} />
    </form>
  );
}
