'use client';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { acceptanceBallotSchema, RATINGS } from '@/lib/councils/schemas';
import { saveBallotAction } from '@/lib/councils/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormError } from '@/components/forms/form-error';
import { Field, Select, TextArea } from '@/components/ui/field';
import { Alert } from '@/components/ui/card';
import { BallotButtons } from './ballot-buttons';

export type AcceptanceDraft = {
  productRatings: (string | null)[];
  reportRating: string | null;
  overallRating: string | null;
  comments: string;
} | null;

/** Acceptance-stage ballot: a rating per expected product and for the final report, an overall rating, comments. */
export function AcceptanceBallotForm({ memberId, products, draft }: { memberId: string; products: string[]; draft: AcceptanceDraft }) {
  const t = useTranslations();
  const router = useRouter();
  const schema = useMemo(() => acceptanceBallotSchema(products.length), [products.length]);
  const submitRef = useRef(false);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const {
    onSubmit,
    fieldErrors: e,
    formError,
    pending,
  } = useActionForm(schema, saveBallotAction, {
    toInput: (form) => {
      const data = new FormData(form);
      const get = (name: string) => String(data.get(name) ?? '');
      return {
        memberId,
        submit: submitRef.current,
        productRatings: products.map((_, i) => get(`productRatings.${i}`)),
        reportRating: get('reportRating'),
        overallRating: get('overallRating'),
        comments: get('comments'),
      };
    },
    onSuccess: () => {
      setSaved(!submitRef.current);
      router.refresh();
    },
  });
  const ratingSelect = (name: string, label: ReactNode, value: string | null | undefined, testId: string) => (
    <Field key={name} label={label} name={name} error={e[name]} required>
      <Select name={name} defaultValue={value ?? ''} error={e[name]} onChange={() => setSaved(false)} data-testid={testId}>
        <option value="">{t('ballot.chooseRating')}</option>
        {RATINGS.map((r) => (
          <option key={r} value={r}>
            {t(`ratings.${r}`)}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <form
      onSubmit={(ev) => {
        setConfirming(false);
        setSaved(false);
        onSubmit(ev);
      }}
      noValidate
      className="space-y-4"
      data-testid="acceptance-ballot-form"
    >
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">{t('ballot.productRatings')}</legend>
        {products.length === 0 && <p className="text-sm text-slate-500">{t('ballot.noProducts')}</p>}
        {products.map((name, i) =>
          ratingSelect(
            `productRatings.${i}`,
            t('ballot.productLabel', { index: i + 1, name }),
            draft?.productRatings[i],
            `product-rating-${i}`,
          ),
        )}
      </fieldset>
      {ratingSelect('reportRating', t('ballot.reportRating'), draft?.reportRating, 'report-rating')}
      {ratingSelect('overallRating', t('ballot.overallRating'), draft?.overallRating, 'overall-rating')}
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
