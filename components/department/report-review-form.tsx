'use client';
import { useTranslations } from 'next-intl';
import { reviewProgressReportAction } from '@/lib/reports/actions';
import { SubmitButton, TextAreaField, useZodForm, ZodForm } from '@/components/forms/zod-form';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/reports/schemas');

/** Review of a SUBMITTED progress report: accepted as is, or sent back for revision with a note. */
export function ReportReviewForm({ reportId }: { reportId: string }) {
  const t = useTranslations('deptReports');
  const review = useZodForm({
    schema: () => schemas().then((m) => m.ZReviewReport),
    action: reviewProgressReportAction,
    defaultValues: { reportId, status: 'REVIEWED' as const, note: '' },
  });
  const choose = (status: 'REVIEWED' | 'NEEDS_REVISION') => () => review.form.setValue('status', status);
  return (
    <ZodForm
      {...review}
      className="space-y-2"
      testId="report-review-form"
      idPrefix={`report-${reportId}-`}
      data={{ 'report-id': reportId }}
    >
      <TextAreaField name="note" label={t('note')} hint={t('noteHint')} rows={2} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton onClick={choose('REVIEWED')} testId="report-accept">
          {t('accept')}
        </SubmitButton>
        <SubmitButton onClick={choose('NEEDS_REVISION')} variant="secondary" testId="report-revise">
          {t('revise')}
        </SubmitButton>
      </div>
    </ZodForm>
  );
}
