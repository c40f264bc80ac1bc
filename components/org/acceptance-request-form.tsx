'use client';
import { useTranslations } from 'next-intl';
import { requestAcceptanceAction } from '@/lib/tasks/actions';
import { SubmitButton, TextAreaField, useFieldError, useZodForm, ZodForm } from '@/components/forms/zod-form';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/tasks/schemas');

type Props = {
  taskId: string;
  version: number;
  /** Whether the required files are already attached (a reminder; the server checks again). */
  hasFinalReport: boolean;
  hasProductEvidence: boolean;
  /** The acceptance dossier's due date, formatted. */
  dueDate: string | null;
};

/** The acceptance request: final report summary and self-assessment; the files are uploaded beside it. */
export function AcceptanceRequestForm({ taskId, version, hasFinalReport, hasProductEvidence, dueDate }: Props) {
  const t = useTranslations('orgRunning.acceptance');
  const tAll = useTranslations();
  const request = useZodForm({
    schema: () => schemas().then((m) => m.ZRequestAcceptance),
    action: requestAcceptanceAction,
    defaultValues: { taskId, version, finalReportSummary: '', selfAssessment: '' },
  });
  const check = (ok: boolean, kind: 'FINAL_REPORT' | 'PRODUCT_EVIDENCE') => (
    <li className={ok ? 'text-emerald-800' : 'text-amber-900'} data-testid={`acceptance-file-${kind}`} data-present={ok}>
      <span aria-hidden>{ok ? '✓' : '✗'}</span> {tAll(`attachments.kinds.${kind}`)}: {ok ? t('attached') : t('notAttached')}
    </li>
  );
  return (
    <ZodForm {...request} className="space-y-3" testId="acceptance-form">
      <div className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        <p className="font-medium">{t('reminder')}</p>
        <ul className="mt-1 space-y-0.5">
          {check(hasFinalReport, 'FINAL_REPORT')}
          {check(hasProductEvidence, 'PRODUCT_EVIDENCE')}
        </ul>
        {dueDate && <p className="mt-1">{t('dueDate', { date: dueDate })}</p>}
      </div>
      <TextAreaField
        name="finalReportSummary"
        label={t('finalReportSummary')}
        hint={t('minLength')}
        rows={6}
        required
        testId="final-report-summary"
      />
      <TextAreaField name="selfAssessment" label={t('selfAssessment')} hint={t('minLength')} rows={6} required testId="self-assessment" />
      <MissingFiles />
      <SubmitButton pendingLabel={t('sending')} testId="request-acceptance">
        {t('submit')}
      </SubmitButton>
    </ZodForm>
  );
}

/** The server's refusal for files not attached yet: they are not fields of this form, so they are listed here. */
function MissingFiles() {
  const finalReport = useFieldError('finalReport');
  const productEvidence = useFieldError('productEvidence');
  const missing = [
    ['finalReport', finalReport],
    ['productEvidence', productEvidence],
  ].filter(([, message]) => message);
  if (missing.length === 0) return null;
  return (
    <ul className="list-disc rounded-md border border-red-200 bg-white py-2 pl-8 pr-3 text-sm text-red-800" data-testid="acceptance-errors">
      {missing.map(([field, message]) => (
        <li key={field} data-field={field}>
          {message}
        </li>
      ))}
    </ul>
  );
}
