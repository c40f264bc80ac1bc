'use client';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { CALL_KINDS, type CallKind } from '@/lib/calls/kinds';
import { createCallAction, updateCallAction } from '@/lib/calls/actions';
import { SCIENCE_FIELDS, type ScienceField } from '@/lib/domain/task-status';
import { CheckboxesField, SelectField, SubmitButton, TextAreaField, TextField, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { Alert } from '@/components/ui/card';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/calls/schemas');

export type CallFormValues = {
  kind: CallKind;
  title: string;
  year: string;
  description: string;
  fields: ScienceField[];
  opensAt: string;
  closesAt: string;
};

/**
 * Creates a call, or edits one when `callId` is given. Opening and closing times are datetime-local inputs read
 * as Vietnam wall-clock time (the schema converts them).
 */
export function CallForm({ callId, initial }: { callId?: string; initial: CallFormValues }) {
  return callId ? <EditCallForm callId={callId} initial={initial} /> : <NewCallForm initial={initial} />;
}

function NewCallForm({ initial }: { initial: CallFormValues }) {
  const t = useTranslations('deptCalls');
  const create = useZodForm({
    schema: () => schemas().then((m) => m.ZCall),
    action: createCallAction,
    defaultValues: initial,
    onSuccess: () => '/department/calls',
  });
  return (
    <ZodForm {...create} testId="call-form">
      <CallFields kindEditable />
      <SubmitButton testId="call-submit">{t('create')}</SubmitButton>
    </ZodForm>
  );
}

function EditCallForm({ callId, initial }: { callId: string; initial: CallFormValues }) {
  const t = useTranslations('deptCalls');
  const [saved, setSaved] = useState(false);
  const update = useZodForm({
    schema: () => schemas().then((m) => m.ZUpdateCall),
    action: updateCallAction,
    defaultValues: { ...initial, callId },
    onSuccess: () => setSaved(true),
  });
  return (
    <ZodForm {...update} testId="call-form">
      {saved && <Alert tone="success">{t('saved')}</Alert>}
      <p className="text-sm text-slate-700">
        <span className="font-medium">{t('kind')}:</span> {t(`kinds.${initial.kind}`)}
      </p>
      <CallFields />
      <SubmitButton testId="call-submit">{t('save')}</SubmitButton>
    </ZodForm>
  );
}

/** The call's fields; its kind only when it is created (what answers it depends on the kind). */
function CallFields({ kindEditable }: { kindEditable?: boolean }) {
  const t = useTranslations();
  return (
    <>
      {kindEditable && (
        <SelectField
          name="kind"
          label={t('deptCalls.kind')}
          hint={t('deptCalls.kindHint')}
          required
          testId="call-kind"
          options={CALL_KINDS.map((k) => ({ value: k, label: t(`deptCalls.kinds.${k}`) }))}
        />
      )}
      <TextField name="title" label={t('deptCalls.titleField')} required testId="call-title" />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          name="year"
          label={t('deptCalls.year')}
          type="number"
          min={2000}
          max={2100}
          inputMode="numeric"
          required
          testId="call-year"
        />
        <TextField
          name="opensAt"
          label={t('deptCalls.opensAt')}
          hint={t('deptCalls.timeHint')}
          type="datetime-local"
          required
          testId="call-opens-at"
        />
        <TextField
          name="closesAt"
          label={t('deptCalls.closesAt')}
          hint={t('deptCalls.timeHint')}
          type="datetime-local"
          required
          testId="call-closes-at"
        />
      </div>
      <TextAreaField name="description" label={t('deptCalls.description')} rows={4} testId="call-description" />
      <CheckboxesField
        name="fields"
        legend={t('deptCalls.fields')}
        hint={t('deptCalls.fieldsHint')}
        testId="call-fields"
        options={SCIENCE_FIELDS.map((f) => ({ value: f, label: t(`fields.${f}`), testId: `call-field-${f}` }))}
      />
    </>
  );
}
