'use client';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { createProgramAction, updateProgramAction } from '@/lib/programs/actions';
import type { ProgramFormValues } from '@/lib/programs/loaders';
import { MoneyField, SubmitButton, TextAreaField, TextField, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { Alert } from '@/components/ui/card';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/programs/schemas');

/** A new program (the leader): on success, its page. */
export function NewProgramForm({ initial }: { initial: ProgramFormValues }) {
  const t = useTranslations('programs.form');
  const create = useZodForm({
    schema: () => schemas().then((m) => m.ZProgram),
    action: createProgramAction,
    defaultValues: initial,
    onSuccess: (d) => `/department/programs/${d.programId}`,
  });
  return (
    <ZodForm {...create} testId="program-form">
      <ProgramFields />
      <SubmitButton testId="program-submit">{t('create')}</SubmitButton>
    </ZodForm>
  );
}

/** Edits a program, naming the version the leader loaded (a stale one is refused with "reload"). */
export function EditProgramForm({ programId, version, initial }: { programId: string; version: number; initial: ProgramFormValues }) {
  const t = useTranslations('programs.form');
  const [saved, setSaved] = useState(false);
  const update = useZodForm({
    schema: () => schemas().then((m) => m.ZUpdateProgram),
    action: updateProgramAction,
    defaultValues: { ...initial, programId, version },
    onSuccess: (d, form) => {
      form.setValue('version', d.version);
      setSaved(true);
    },
  });
  return (
    <ZodForm {...update} testId="program-form">
      {saved && <Alert tone="success">{t('saved')}</Alert>}
      <ProgramFields />
      <SubmitButton testId="program-submit">{t('save')}</SubmitButton>
    </ZodForm>
  );
}

/** The fields, each named by the schema's key (code, name, startYear, endYear, goals, budget, decisionNo). */
function ProgramFields() {
  const t = useTranslations('programs');
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="code" label={t('fields.code')} hint={t('hints.code')} required autoComplete="off" testId="program-code" />
        <TextField name="name" label={t('fields.name')} required className="sm:col-span-2" autoComplete="off" testId="program-name" />
        <TextField
          name="startYear"
          label={t('fields.startYear')}
          type="number"
          min={2000}
          max={2100}
          inputMode="numeric"
          required
          testId="program-start-year"
        />
        <TextField
          name="endYear"
          label={t('fields.endYear')}
          type="number"
          min={2000}
          max={2100}
          inputMode="numeric"
          required
          testId="program-end-year"
        />
        <MoneyField name="budget" label={t('fields.budget')} hint={t('hints.budget')} required testId="program-budget-input" />
      </div>
      <TextAreaField name="goals" label={t('fields.goals')} required rows={5} testId="program-goals" />
      <TextField
        name="decisionNo"
        label={t('fields.decisionNo')}
        hint={t('hints.decisionNo')}
        autoComplete="off"
        testId="program-decision-no"
      />
    </>
  );
}
