'use client';
import { useRef } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ZReviewReport } from '@/lib/reports/schemas';
import { reviewProgressReportAction } from '@/lib/reports/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormError } from '@/components/forms/form-error';
import { Field, TextArea } from '@/components/ui/field';
import { Button } from '@/components/ui/button';

/** Review of a SUBMITTED progress report: accepted as is, or sent back for revision with a note. */
export function ReportReviewForm({ reportId }: { reportId: string }) {
  const t = useTranslations('deptReports');
  const router = useRouter();
  const status = useRef<'REVIEWED' | 'NEEDS_REVISION'>('REVIEWED');
  const {
    onSubmit,
    fieldErrors: e,
    formError,
    pending,
  } = useActionForm(ZReviewReport, reviewProgressReportAction, {
    toInput: (form) => ({ reportId, status: status.current, note: String(new FormData(form).get('note') ?? '') }),
    onSuccess: () => router.refresh(),
  });
  const id = `report-${reportId}-note`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2" data-testid="report-review-form" data-report-id={reportId}>
      <Field label={t('note')} name={id} error={e.note} hint={t('noteHint')}>
        <TextArea name="note" id={id} rows={2} error={e.note} aria-describedby={e.note ? `${id}-error` : undefined} />
      </Field>
      <FormError message={formError} />
      <div className="flex flex-wrap gap-2">
        <Button
          type="submit"
          disabled={pending}
          onClick={() => {
            status.current = 'REVIEWED';
          }}
          data-testid="report-accept"
        >
          {t('accept')}
        </Button>
        <Button
          type="submit"
          variant="secondary"
          disabled={pending}
          onClick={() => {
            status.current = 'NEEDS_REVISION';
          }}
          data-testid="report-revise"
        >
          {t('revise')}
        </Button>
      </div>
    </form>
  );
}
