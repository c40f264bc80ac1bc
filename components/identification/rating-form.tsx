'use client';
import { useTranslations } from 'next-intl';
import { saveNeedsRatingAction } from '@/lib/identification/actions';
import { SelectField, SubmitButton, TextAreaField, TextField, useZodForm, ZodForm } from '@/components/forms/zod-form';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/identification/schemas');

export type RatingValues = {
  recommend: boolean | null;
  method: 'SELECTION' | 'DIRECT' | null;
  directOrganizationId: string | null;
  directReason: string;
  refinedTitle: string;
  refinedObjectives: string;
  refinedProducts: string;
  comments: string;
};

/**
 * One member's rating of one needs proposal: order it or not; for "order it", the refined name, objectives and
 * products and the method (direct assignment names the organization and why). Saved as a draft, or submitted
 * (then locked); the same schema checks it here and on the server.
 */
export function NeedsRatingForm({
  memberId,
  needsId,
  title,
  initial,
  organizations,
}: {
  memberId: string;
  needsId: string;
  title: string;
  initial: RatingValues | null;
  organizations: { id: string; name: string }[];
}) {
  const t = useTranslations('identification.rating');
  const rating = useZodForm({
    schema: () => schemas().then((m) => m.ZNeedsRating),
    action: saveNeedsRatingAction,
    defaultValues: {
      memberId,
      needsId,
      submit: false,
      recommend: initial?.recommend === null || initial === null ? '' : initial.recommend ? 'YES' : 'NO',
      method: initial?.method ?? '',
      directOrganizationId: initial?.directOrganizationId ?? '',
      directReason: initial?.directReason ?? '',
      refinedTitle: initial?.refinedTitle || title,
      refinedObjectives: initial?.refinedObjectives ?? '',
      refinedProducts: initial?.refinedProducts ?? '',
      comments: initial?.comments ?? '',
    },
  });
  const { watch, setValue } = rating.form;
  const recommend = watch('recommend');
  const method = watch('method');
  // Which button was pressed: "submit" makes the schema require the whole rating, in the browser and on the server.
  const press = (submit: boolean) => () => setValue('submit', submit);
  return (
    <ZodForm {...rating} className="space-y-3" testId={`rating-form-${needsId}`} idPrefix={`r-${needsId}-`}>
      <SelectField
        name="recommend"
        label={t('recommend')}
        required
        placeholder={t('choose')}
        testId="rating-recommend"
        options={[
          { value: 'YES', label: t('yes') },
          { value: 'NO', label: t('no') },
        ]}
      />
      {recommend === 'YES' && (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField name="refinedTitle" label={t('refinedTitle')} required className="sm:col-span-2" testId="rating-refined-title" />
          <TextAreaField name="refinedObjectives" label={t('refinedObjectives')} required rows={3} testId="rating-refined-objectives" />
          <TextAreaField name="refinedProducts" label={t('refinedProducts')} required rows={3} testId="rating-refined-products" />
          <SelectField
            name="method"
            label={t('method')}
            required
            placeholder={t('choose')}
            testId="rating-method"
            options={[
              { value: 'SELECTION', label: t('methods.SELECTION') },
              { value: 'DIRECT', label: t('methods.DIRECT') },
            ]}
          />
          {method === 'DIRECT' && (
            <>
              <SelectField
                name="directOrganizationId"
                label={t('directOrganization')}
                required
                placeholder={t('choose')}
                testId="rating-direct-org"
                options={organizations.map((o) => ({ value: o.id, label: o.name }))}
              />
              <TextAreaField
                name="directReason"
                label={t('directReason')}
                required
                rows={2}
                className="sm:col-span-2"
                testId="rating-direct-reason"
              />
            </>
          )}
        </div>
      )}
      <TextAreaField name="comments" label={t('comments')} rows={2} testId="rating-comments" />
      <div className="flex flex-wrap gap-2">
        <SubmitButton variant="secondary" onClick={press(false)} testId="rating-save">
          {t('saveDraft')}
        </SubmitButton>
        <SubmitButton onClick={press(true)} testId="rating-submit">
          {t('submit')}
        </SubmitButton>
      </div>
    </ZodForm>
  );
}
