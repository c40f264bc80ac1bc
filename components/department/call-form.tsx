'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ZCall, ZUpdateCall } from '@/lib/calls/schemas';
import { createCallAction, updateCallAction } from '@/lib/calls/actions';
import { SCIENCE_FIELDS } from '@/lib/domain/task-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormError } from '@/components/forms/form-error';
import { Field, TextArea, TextInput } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';

export type CallFormValues = { title: string; year: string; description: string; fields: string[]; opensAt: string; closesAt: string };

/**
 * Creates a call, or edits one when `callId` is given. Opening and closing times are datetime-local inputs read
 * as Vietnam wall-clock time (the schema converts them).
 */
export function CallForm({ callId, initial }: { callId?: string; initial: CallFormValues }) {
  const t = useTranslations();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const editing = Boolean(callId);
  // Editing sends { callId, call: {...} }, so the server's field errors come back as "call.<field>".
  const p = editing ? 'call.' : '';
  const read = (form: HTMLFormElement) => {
    const fd = new FormData(form);
    return {
      title: String(fd.get('title') ?? ''),
      year: String(fd.get('year') ?? ''),
      description: String(fd.get('description') ?? ''),
      fields: fd.getAll('fields').map(String),
      opensAt: String(fd.get('opensAt') ?? ''),
      closesAt: String(fd.get('closesAt') ?? ''),
    };
  };
  const create = useActionForm(ZCall, createCallAction, {
    toInput: read,
    onSuccess: () => {
      router.push('/department/calls');
      router.refresh();
    },
  });
  const update = useActionForm(ZUpdateCall, updateCallAction, {
    toInput: (form) => ({ callId, call: read(form) }),
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  const { onSubmit, fieldErrors, formError, pending } = editing ? update : create;
  const e = (name: string) => fieldErrors[`${p}${name}`];
  return (
    <form onSubmit={onSubmit} onChange={() => setSaved(false)} noValidate className="space-y-4" data-testid="call-form">
      {saved && <Alert tone="success">{t('deptCalls.saved')}</Alert>}
      <Field label={t('deptCalls.titleField')} name="title" error={e('title')} required>
        <TextInput name="title" defaultValue={initial.title} error={e('title')} data-testid="call-title" />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t('deptCalls.year')} name="year" error={e('year')} required>
          <TextInput
            name="year"
            type="number"
            min={2000}
            max={2100}
            inputMode="numeric"
            defaultValue={initial.year}
            error={e('year')}
            data-testid="call-year"
          />
        </Field>
        <Field label={t('deptCalls.opensAt')} name="opensAt" error={e('opensAt')} hint={t('deptCalls.timeHint')} required>
          <TextInput name="opensAt" type="datetime-local" defaultValue={initial.opensAt} error={e('opensAt')} data-testid="call-opens-at" />
        </Field>
        <Field label={t('deptCalls.closesAt')} name="closesAt" error={e('closesAt')} hint={t('deptCalls.timeHint')} required>
          <TextInput
            name="closesAt"
            type="datetime-local"
            defaultValue={initial.closesAt}
            error={e('closesAt')}
            data-testid="call-closes-at"
          />
        </Field>
      </div>
      <Field label={t('deptCalls.description')} name="description" error={e('description')}>
        <TextArea name="description" rows={4} defaultValue={initial.description} error={e('description')} data-testid="call-description" />
      </Field>
      <fieldset className="space-y-2" data-testid="call-fields">
        <legend className="text-sm font-medium text-slate-700">{t('deptCalls.fields')}</legend>
        <p className="text-xs text-slate-500">{t('deptCalls.fieldsHint')}</p>
        <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {SCIENCE_FIELDS.map((f) => (
            <label key={f} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="fields"
                value={f}
                defaultChecked={initial.fields.includes(f)}
                className="h-4 w-4"
                data-testid={`call-field-${f}`}
              />
              {t(`fields.${f}`)}
            </label>
          ))}
        </div>
        {e('fields') && (
          <p role="alert" className="text-xs text-red-700" data-field-error="fields">
            {e('fields')}
          </p>
        )}
      </fieldset>
      <FormError message={formError} />
      <Button type="submit" disabled={pending} data-testid="call-submit">
        {editing ? t('deptCalls.save') : t('deptCalls.create')}
      </Button>
    </form>
  );
}
