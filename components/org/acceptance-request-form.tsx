'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ZRequestAcceptance } from '@/lib/tasks/schemas';
import { requestAcceptanceAction } from '@/lib/tasks/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormError } from '@/components/forms/form-error';
import { Field, TextArea } from '@/components/ui/field';
import { Button } from '@/components/ui/button';

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
  const router = useRouter();
  const {
    onSubmit,
    fieldErrors: e,
    formError,
    pending,
  } = useActionForm(ZRequestAcceptance, requestAcceptanceAction, {
    toInput: (form) => ({ ...Object.fromEntries(new FormData(form)), taskId, version }),
    onSuccess: () => router.refresh(),
  });
  const missing = (['finalReport', 'productEvidence'] as const).filter((k) => e[k]);
  const check = (ok: boolean, kind: 'FINAL_REPORT' | 'PRODUCT_EVIDENCE') => (
    <li className={ok ? 'text-emerald-800' : 'text-amber-900'} data-testid={`acceptance-file-${kind}`} data-present={ok}>
      <span aria-hidden>{ok ? '✓' : '✗'}</span> {tAll(`attachments.kinds.${kind}`)}: {ok ? t('attached') : t('notAttached')}
    </li>
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="acceptance-form">
      <div className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        <p className="font-medium">{t('reminder')}</p>
        <ul className="mt-1 space-y-0.5">
          {check(hasFinalReport, 'FINAL_REPORT')}
          {check(hasProductEvidence, 'PRODUCT_EVIDENCE')}
        </ul>
        {dueDate && <p className="mt-1">{t('dueDate', { date: dueDate })}</p>}
      </div>
      <Field label={t('finalReportSummary')} name="finalReportSummary" error={e.finalReportSummary} required hint={t('minLength')}>
        <TextArea name="finalReportSummary" rows={6} error={e.finalReportSummary} data-testid="final-report-summary" />
      </Field>
      <Field label={t('selfAssessment')} name="selfAssessment" error={e.selfAssessment} required hint={t('minLength')}>
        <TextArea name="selfAssessment" rows={6} error={e.selfAssessment} data-testid="self-assessment" />
      </Field>
      <FormError message={formError} />
      {missing.length > 0 && (
        <ul
          className="list-disc rounded-md border border-red-200 bg-white py-2 pl-8 pr-3 text-sm text-red-800"
          data-testid="acceptance-errors"
        >
          {missing.map((k) => (
            <li key={k} data-field={k}>
              {e[k]}
            </li>
          ))}
        </ul>
      )}
      <Button type="submit" disabled={pending} data-testid="request-acceptance">
        {pending ? t('sending') : t('submit')}
      </Button>
    </form>
  );
}
