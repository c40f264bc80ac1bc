'use client';
import { useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { useFieldArray, useFormContext } from 'react-hook-form';
import type { Settings } from '@/lib/domain/settings';
import { updateSettingsAction } from '@/lib/settings/actions';
import { SelectField, SubmitButton, TextField, useFieldError, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { TextInput } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';

function Section({ title, hint, children, testId }: { title: string; hint?: string; children: ReactNode; testId?: string }) {
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <legend className="px-1 text-sm font-semibold text-slate-900">{title}</legend>
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
      {children}
    </fieldset>
  );
}

/** Every configurable rule of the department (ZSettings), saved as one object. */
export function SettingsForm({ initial }: { initial: Settings }) {
  const t = useTranslations('deptSettings');
  const [saved, setSaved] = useState(false);
  const settings = useZodForm({
    schema: () => import('@/lib/domain/settings').then((m) => m.ZSettings),
    action: updateSettingsAction,
    defaultValues: { ...initial, criteria: initial.criteria.map((c) => ({ ...c })), reportDueDays: [...initial.reportDueDays] },
    onSuccess: () => setSaved(true),
  });
  const { control, watch, setValue, register } = settings.form;
  const criteria = useFieldArray({ control, name: 'criteria' });
  const days = (watch('reportDueDays') ?? []) as string[];
  const total = (watch('criteria') ?? []).reduce(
    (a: number, c: { max?: unknown }) => a + (Number.parseInt(String(c?.max ?? ''), 10) || 0),
    0,
  );
  const num = (name: keyof Settings, min: number, max: number, hint?: string) => (
    <TextField
      name={name}
      label={t(`fields.${name}`)}
      hint={hint}
      type="number"
      min={min}
      max={max}
      inputMode="numeric"
      required
      testId={`settings-${name}`}
    />
  );

  return (
    <ZodForm {...settings} className="space-y-6" testId="settings-form">
      <div className="space-y-6" onChange={() => setSaved(false)}>
        <Section title={t('councilSection')} hint={t('councilHint')}>
          <div className="grid gap-4 sm:grid-cols-3">
            {num('councilSizeMin', 3, 15)}
            {num('councilSizeDefault', 3, 21)}
            {num('councilSizeMax', 3, 21)}
          </div>
          <div className="max-w-xs">
            <Fraction numerator="quorumNumerator" denominator="quorumDenominator" label={t('quorum')} hint={t('quorumHint')} />
          </div>
          <div className="max-w-xs">
            <Fraction numerator="meetingNumerator" denominator="meetingDenominator" label={t('meeting')} hint={t('meetingHint')} />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              {...register('meetingReviewersRequired')}
              className="h-4 w-4"
              data-testid="settings-meetingReviewersRequired"
            />
            {t('fields.meetingReviewersRequired')}
          </label>
          <SelectField
            name="ballotVisibility"
            label={t('fields.ballotVisibility')}
            required
            className="max-w-lg"
            testId="settings-ballotVisibility"
            options={(['AFTER_OWN_SUBMIT', 'AFTER_CLOSE'] as const).map((v) => ({ value: v, label: t(`ballotVisibility.${v}`) }))}
          />
        </Section>

        <Section title={t('proposalSection')} hint={t('proposalHint')} testId="settings-criteria">
          <div className="max-w-xs">{num('passMark', 1, 100, t('passMarkHint', { total }))}</div>
          <ListError name="criteria" />
          <div className="space-y-3">
            {criteria.fields.map((c, i) => (
              <div
                key={c.id}
                className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[10rem_1fr_1fr_7rem_auto]"
                data-testid="criterion-row"
              >
                <TextField name={`criteria.${i}.key`} label={t('criterion.key')} required testId="criterion-key" />
                <TextField name={`criteria.${i}.labelVi`} label={t('criterion.labelVi')} required testId="criterion-labelVi" />
                <TextField name={`criteria.${i}.labelEn`} label={t('criterion.labelEn')} required testId="criterion-labelEn" />
                <TextField
                  name={`criteria.${i}.max`}
                  label={t('criterion.max')}
                  type="number"
                  min={1}
                  max={100}
                  inputMode="numeric"
                  required
                  testId="criterion-max"
                />
                <div className="flex items-end">
                  <Button
                    variant="ghost"
                    disabled={criteria.fields.length <= 1}
                    onClick={() => criteria.remove(i)}
                    data-testid="criterion-remove"
                  >
                    {t('remove')}
                  </Button>
                </div>
              </div>
            ))}
          </div>
          <Button
            variant="secondary"
            disabled={criteria.fields.length >= 10}
            onClick={() => criteria.append({ key: '', labelVi: '', labelEn: '', max: '' })}
            data-testid="criterion-add"
          >
            {t('addCriterion')}
          </Button>
        </Section>

        <Section title={t('acceptanceSection')} hint={t('acceptanceHint')}>
          <div className="max-w-xs">
            <Fraction numerator="gradeNumerator" denominator="gradeDenominator" label={t('grade')} hint={t('gradeHint')} />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...register('lateDowngrade')} className="h-4 w-4" data-testid="settings-lateDowngrade" />
            {t('fields.lateDowngrade')}
          </label>
          <div className="max-w-xs">{num('acceptanceDueDays', 1, 365, t('acceptanceDueDaysHint'))}</div>
        </Section>

        <Section title={t('afterSection')} hint={t('afterHint')}>
          <div className="grid max-w-2xl gap-3 sm:grid-cols-3">
            {num('registrationDueDays', 1, 365)}
            {num('liquidationDueDays', 1, 365)}
            {num('applicationYears', 1, 10)}
          </div>
        </Section>

        <Section title={t('reportsSection')} hint={t('reportsHint')} testId="settings-report-days">
          <ListError name="reportDueDays" />
          <div className="flex flex-wrap gap-3">
            {days.map((_, i) => (
              <div key={i} className="flex items-end gap-1">
                <TextField
                  name={`reportDueDays.${i}`}
                  label={t('reportDay', { n: i + 1 })}
                  placeholder="15/03"
                  className="w-32"
                  testId="report-day"
                />
                <Button
                  variant="ghost"
                  disabled={days.length <= 1}
                  onClick={() =>
                    setValue(
                      'reportDueDays',
                      days.filter((_d, j) => j !== i),
                    )
                  }
                  aria-label={t('removeDay', { n: i + 1 })}
                  data-testid="report-day-remove"
                >
                  ×
                </Button>
              </div>
            ))}
          </div>
          <Button
            variant="secondary"
            disabled={days.length >= 12}
            onClick={() => setValue('reportDueDays', [...days, ''])}
            data-testid="report-day-add"
          >
            {t('addReportDay')}
          </Button>
          <div className="grid gap-4 sm:grid-cols-2">
            {num('reminderDaysBefore', 1, 90)}
            {num('extensionMinDaysBeforeEnd', 0, 365)}
          </div>
        </Section>

        <Section title={t('filesSection')}>
          <div className="max-w-xs">{num('uploadMaxMb', 1, 200)}</div>
        </Section>
      </div>

      {saved && <Alert tone="success">{t('saved')}</Alert>}
      <SubmitButton pendingLabel={t('saving')} testId="settings-submit">
        {t('save')}
      </SubmitButton>
    </ZodForm>
  );
}

/** A message about a list as a whole (its own paths carry the messages of its items). */
function ListError({ name }: { name: string }) {
  const error = useFieldError(name);
  const root = useFieldError(`${name}.root`);
  const message = error ?? root;
  return message ? (
    <p role="alert" className="text-sm text-red-700" data-field-error={name}>
      {message}
    </p>
  ) : null;
}

/** Two number inputs read as one fraction ("2 / 3"), with one message for both. */
function Fraction({ numerator, denominator, label, hint }: { numerator: string; denominator: string; label: string; hint: string }) {
  const t = useTranslations('deptSettings');
  const { register } = useFormContext();
  const eN = useFieldError(numerator);
  const eD = useFieldError(denominator);
  const input = (name: string, error: string | undefined) => (
    <TextInput
      {...register(name)}
      type="number"
      min={1}
      max={20}
      inputMode="numeric"
      error={error}
      aria-label={t(`fields.${name}`)}
      data-testid={`settings-${name}`}
    />
  );
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium text-slate-700">{label}</p>
      <div className="flex items-center gap-2">
        {input(numerator, eN)}
        <span aria-hidden className="text-lg text-slate-500">
          /
        </span>
        {input(denominator, eD)}
      </div>
      {!eN && !eD && <p className="text-xs text-slate-500">{hint}</p>}
      {(eN || eD) && (
        <p role="alert" className="text-xs text-red-700" data-field-error={eN ? numerator : denominator}>
          {eN ?? eD}
        </p>
      )}
    </div>
  );
}
