'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { createNeedsAction, submitNeedsAction, updateNeedsAction } from '@/lib/needs/actions';
import { NEEDS_REQUIRED_TO_SUBMIT } from '@/lib/needs/required';
import type { NeedsFormPage } from '@/lib/needs/loaders';
import type { NeedsFormValues } from '@/lib/needs/form-values';
import { SCIENCE_FIELDS } from '@/lib/domain/task-status';
import { useProblemsOnFields, useSaveAndSubmit } from '@/components/forms/save-and-submit';
import { MoneyField, SelectField, SubmitButton, TextAreaField, TextField, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { buttonClass } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { ProgramSelect } from '@/components/programs/program-select';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/needs/schemas');

const NEEDED: ReadonlySet<string> = new Set(NEEDS_REQUIRED_TO_SUBMIT);

/** A needs proposal: new in a needs call, or editing a draft or a returned one ("save" or "save and submit"). */
export function NeedsForm({ page }: { page: NeedsFormPage }) {
  return page.needs ? <EditNeedsForm page={page} needs={page.needs} /> : <NewNeedsForm page={page} />;
}

function NewNeedsForm({ page }: { page: NeedsFormPage }) {
  const t = useTranslations('needs');
  const create = useZodForm({
    schema: () => schemas().then((m) => m.ZCreateNeeds),
    action: createNeedsAction,
    defaultValues: page.initial,
    onSuccess: (d) => `/org/needs/${d.needsId}`,
  });
  return (
    <ZodForm {...create} className="space-y-6" testId="needs-form">
      <Card title={t('form.call')}>
        <SelectField
          name="callId"
          label={t('form.call')}
          required
          placeholder={t('form.chooseCall')}
          testId="needs-call"
          options={page.calls.map((c) => ({
            value: c.id,
            label: t(`form.callOption.${c.state}`, { title: c.title, closes: c.closes }),
          }))}
        />
      </Card>
      <NeedsFields programs={page.programs} />
      <Buttons cancel="/org/needs" />
    </ZodForm>
  );
}

function EditNeedsForm({ page, needs }: { page: NeedsFormPage; needs: NonNullable<NeedsFormPage['needs']> }) {
  const t = useTranslations('needs');
  const saving = useSaveAndSubmit({
    pageOf: (saved: { needsId: string; version: number }) => `/org/needs/${saved.needsId}`,
    submit: (saved) => submitNeedsAction({ needsId: saved.needsId, version: saved.version }),
  });
  const edit = useZodForm({
    schema: () => schemas().then((m) => m.ZUpdateNeeds),
    browserSchema: () => schemas().then((m) => (saving.submitting.current ? m.ZNeedsReadyToSubmit : m.ZUpdateNeeds)),
    action: updateNeedsAction,
    defaultValues: { ...page.initial, needsId: needs.id, version: needs.version },
    onSuccess: saving.onSuccess,
  });
  useProblemsOnFields(edit.form, page.problems);
  return (
    <ZodForm {...edit} className="space-y-6" testId="needs-form">
      {Object.keys(page.problems).length > 0 && (
        <Alert tone="warning">
          <span data-testid="submission-problems">{t('form.problemsIntro')}</span>
        </Alert>
      )}
      <NeedsFields programs={page.programs} />
      <Buttons cancel={`/org/needs/${needs.id}`} onSubmitMode={saving.setSubmitting} canSubmit />
    </ZodForm>
  );
}

function Buttons({ cancel, canSubmit, onSubmitMode }: { cancel: string; canSubmit?: boolean; onSubmitMode?: (on: boolean) => void }) {
  const t = useTranslations();
  return (
    <div className="sticky bottom-0 flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 bg-white/95 py-3 backdrop-blur">
      <Link href={cancel} className={buttonClass('secondary')}>
        {t('common.cancel')}
      </Link>
      <SubmitButton
        variant={canSubmit ? 'secondary' : 'primary'}
        onClick={() => onSubmitMode?.(false)}
        pendingLabel={t('common.saving')}
        testId="needs-save"
      >
        {t('needs.form.save')}
      </SubmitButton>
      {canSubmit && (
        <SubmitButton onClick={() => onSubmitMode?.(true)} testId="needs-save-and-submit">
          {t('needs.form.saveAndSubmit')}
        </SubmitButton>
      )}
    </div>
  );
}

function NeedsFields({ programs }: { programs: NeedsFormPage['programs'] }) {
  const t = useTranslations('needs');
  const tAll = useTranslations();
  const label = (name: keyof NeedsFormValues) => (
    <>
      {t(`fields.${name}`)}
      {NEEDED.has(name) && (
        <span className="ml-1 text-xs font-normal text-brand-700" title={t('form.requiredForSubmit')} aria-hidden>
          ◆
        </span>
      )}
    </>
  );
  return (
    <>
      <Alert>{t('form.intro')}</Alert>
      <Card title={t('form.sections.need')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextAreaField
            name="title"
            label={t('fields.title')}
            hint={t('hints.title')}
            required
            rows={2}
            className="sm:col-span-2"
            testId="needs-title"
          />
          <SelectField
            name="field"
            label={label('field')}
            placeholder={t('form.chooseField')}
            options={SCIENCE_FIELDS.map((f) => ({ value: f, label: tAll(`fields.${f}`) }))}
          />
          <TextField name="applyingUnits" label={label('applyingUnits')} hint={t('hints.applyingUnits')} />
          <ProgramSelect programs={programs} className="sm:col-span-2" testId="needs-program" />
          <TextAreaField name="problem" label={label('problem')} hint={t('hints.problem')} rows={5} className="sm:col-span-2" />
          <TextAreaField name="objectives" label={label('objectives')} rows={4} className="sm:col-span-2" />
          <TextAreaField
            name="expectedResults"
            label={label('expectedResults')}
            hint={t('hints.expectedResults')}
            rows={4}
            className="sm:col-span-2"
          />
        </div>
      </Card>
      <Card title={t('form.sections.estimate')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="durationMonths" label={label('durationMonths')} type="number" min={1} max={60} inputMode="numeric" />
          <MoneyField name="budgetEstimate" label={label('budgetEstimate')} />
        </div>
      </Card>
    </>
  );
}
