'use client';
import { useMemo, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { RATINGS } from '@/lib/councils/choices';
import type { acceptanceBallotSchema } from '@/lib/councils/schemas';
import { SelectField } from '@/components/forms/zod-form';
import { BallotForm, useBallotForm } from './ballot-buttons';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/councils/schemas');

export type AcceptanceDraft = {
  productRatings: (string | null)[];
  reportRating: string | null;
  overallRating: string | null;
  comments: string;
} | null;

/** Acceptance-stage ballot: a rating per expected product and for the final report, an overall rating, comments. */
export function AcceptanceBallotForm({ memberId, products, draft }: { memberId: string; products: string[]; draft: AcceptanceDraft }) {
  const t = useTranslations();
  // The schema is fetched when the form is first used (components/forms/zod-form.tsx), built once per product count.
  const schema = useMemo(() => {
    let built: Promise<ReturnType<typeof acceptanceBallotSchema>> | undefined;
    return () => (built ??= schemas().then((m) => m.acceptanceBallotSchema(products.length)));
  }, [products.length]);
  const state = useBallotForm(schema, {
    memberId,
    submit: false,
    productRatings: products.map((_, i) => draft?.productRatings[i] ?? ''),
    reportRating: draft?.reportRating ?? '',
    overallRating: draft?.overallRating ?? '',
    comments: draft?.comments ?? '',
  });
  const options = RATINGS.map((r) => ({ value: r, label: t(`ratings.${r}`) }));
  const rating = (name: string, label: ReactNode, testId: string) => (
    <SelectField key={name} name={name} label={label} required placeholder={t('ballot.chooseRating')} options={options} testId={testId} />
  );
  return (
    <BallotForm state={state} testId="acceptance-ballot-form">
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">{t('ballot.productRatings')}</legend>
        {products.length === 0 && <p className="text-sm text-slate-500">{t('ballot.noProducts')}</p>}
        {products.map((name, i) => rating(`productRatings.${i}`, t('ballot.productLabel', { index: i + 1, name }), `product-rating-${i}`))}
      </fieldset>
      {rating('reportRating', t('ballot.reportRating'), 'report-rating')}
      {rating('overallRating', t('ballot.overallRating'), 'overall-rating')}
    </BallotForm>
  );
}
