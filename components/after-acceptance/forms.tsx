'use client';
import { useTranslations } from 'next-intl';
import {
  recordLiquidationAction,
  registerResultsAction,
  returnRegistrationAction,
  reviewApplicationReportAction,
  submitApplicationReportAction,
  submitRegistrationAction,
} from '@/lib/after-acceptance/actions';
import { MoneyField, SelectField, SubmitButton, TextAreaField, TextField, useZodForm, ZodForm } from '@/components/forms/zod-form';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/after-acceptance/schemas');

/** The organization submits (or resubmits) its results for registration. */
export function RegistrationSubmitForm({
  taskId,
  resubmit,
  resultsSummary,
}: {
  taskId: string;
  resubmit: boolean;
  resultsSummary: string;
}) {
  const t = useTranslations('afterAcceptance.registration');
  const form = useZodForm({
    schema: () => schemas().then((m) => m.ZRegistrationSubmit),
    action: submitRegistrationAction,
    defaultValues: { taskId, resultsSummary },
  });
  return (
    <ZodForm {...form} className="space-y-3" testId="registration-submit-form">
      <TextAreaField name="resultsSummary" label={t('resultsSummary')} hint={t('resultsSummaryHint')} rows={4} required />
      <SubmitButton testId="registration-submit">{resubmit ? t('resubmit') : t('submit')}</SubmitButton>
    </ZodForm>
  );
}

/** The department records the registration certificate. */
export function RegistrationRegisterForm({
  taskId,
  version,
  certificateDate,
}: {
  taskId: string;
  version: number;
  certificateDate: string;
}) {
  const t = useTranslations('afterAcceptance.registration');
  const form = useZodForm({
    schema: () => schemas().then((m) => m.ZRegistrationRegister),
    action: registerResultsAction,
    defaultValues: { taskId, version, certificateNo: '', certificateDate },
  });
  return (
    <ZodForm {...form} className="space-y-3" testId="registration-register-form" idPrefix="register-">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="certificateNo" label={t('certificateNo')} required />
        <TextField name="certificateDate" label={t('certificateDate')} type="date" required />
      </div>
      <SubmitButton testId="registration-register">{t('register')}</SubmitButton>
    </ZodForm>
  );
}

/** The department returns the registration for completion. */
export function RegistrationReturnForm({ taskId, version }: { taskId: string; version: number }) {
  const t = useTranslations('afterAcceptance.registration');
  const form = useZodForm({
    schema: () => schemas().then((m) => m.ZRegistrationReturn),
    action: returnRegistrationAction,
    defaultValues: { taskId, version, note: '' },
  });
  return (
    <ZodForm {...form} className="space-y-3" testId="registration-return-form" idPrefix="return-">
      <TextAreaField name="note" label={t('returnNote')} rows={2} required />
      <SubmitButton variant="secondary" testId="registration-return">
        {t('return')}
      </SubmitButton>
    </ZodForm>
  );
}

type LiquidationDefaults = { recordNo: string; liquidatedOn: string; disbursed: string; spent: string; refunded: string; note: string };

/** The department records the contract's liquidation. */
export function LiquidationForm({
  taskId,
  defaults,
  contract,
}: {
  taskId: string;
  defaults: LiquidationDefaults;
  contract: string | null;
}) {
  const t = useTranslations('afterAcceptance.liquidation');
  const form = useZodForm({
    schema: () => schemas().then((m) => m.ZLiquidation),
    action: recordLiquidationAction,
    defaultValues: { taskId, ...defaults },
  });
  return (
    <ZodForm {...form} className="space-y-3" testId="liquidation-form">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="recordNo" label={t('recordNo')} required />
        <TextField name="liquidatedOn" label={t('liquidatedOn')} type="date" required />
        <MoneyField name="disbursed" label={t('disbursed')} hint={contract ? t('disbursedHint', { contract }) : undefined} required />
        <MoneyField name="spent" label={t('spent')} required />
        <MoneyField name="refunded" label={t('refunded')} hint={t('refundedHint')} required />
      </div>
      <TextAreaField name="note" label={t('note')} rows={2} />
      <SubmitButton testId="liquidation-submit">{t('submit')}</SubmitButton>
    </ZodForm>
  );
}

/** The organization's application report for one year (or its revision). */
export function ApplicationReportForm({ taskId, periods }: { taskId: string; periods: { value: string; label: string }[] }) {
  const t = useTranslations('afterAcceptance.application');
  const form = useZodForm({
    schema: () => schemas().then((m) => m.ZApplicationReport),
    action: submitApplicationReportAction,
    defaultValues: { taskId, dueDate: periods[0]?.value ?? '', applicationPlaces: '', benefits: '', revenue: '' },
  });
  return (
    <ZodForm {...form} className="space-y-3" testId="application-form">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name="dueDate" label={t('period')} options={periods} required testId="application-period" />
        <MoneyField name="revenue" label={t('revenue')} hint={t('revenueHint')} />
      </div>
      <TextAreaField name="applicationPlaces" label={t('applicationPlaces')} rows={3} required />
      <TextAreaField name="benefits" label={t('benefits')} rows={4} required />
      <SubmitButton testId="application-submit">{t('submit')}</SubmitButton>
    </ZodForm>
  );
}

/** The department's review of a submitted application report. */
export function ApplicationReviewForm({ reportId }: { reportId: string }) {
  const t = useTranslations('afterAcceptance.application');
  const review = useZodForm({
    schema: () => schemas().then((m) => m.ZApplicationReview),
    action: reviewApplicationReportAction,
    defaultValues: { reportId, status: 'REVIEWED' as const, note: '' },
  });
  const choose = (status: 'REVIEWED' | 'NEEDS_REVISION') => () => review.form.setValue('status', status);
  return (
    <ZodForm {...review} className="space-y-2" testId="application-review-form" idPrefix={`application-${reportId}-`}>
      <TextAreaField name="note" label={t('reviewNote')} rows={2} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton onClick={choose('REVIEWED')} testId="application-accept">
          {t('accept')}
        </SubmitButton>
        <SubmitButton onClick={choose('NEEDS_REVISION')} variant="secondary" testId="application-revise">
          {t('revise')}
        </SubmitButton>
      </div>
    </ZodForm>
  );
}
