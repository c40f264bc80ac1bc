'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { signUpAction } from '@/lib/organizations/actions';
import { ORGANIZATION_KINDS } from '@/lib/domain/task-status';
import { SelectField, SubmitButton, TextField, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { buttonClass } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/organizations/schemas');

export function SignUpForm() {
  const t = useTranslations('signUp');
  const tk = useTranslations('orgKinds');
  const [done, setDone] = useState(false);
  const signUp = useZodForm({
    schema: () => schemas().then((m) => m.ZSignUp),
    action: signUpAction,
    refresh: false,
    defaultValues: {
      organizationName: '',
      taxCode: '',
      address: '',
      phone: '',
      contactName: '',
      email: '',
      password: '',
      confirmPassword: '',
    },
    onSuccess: () => setDone(true),
  });

  if (done) {
    return (
      <div className="mx-auto mt-10 max-w-xl space-y-4">
        <Alert tone="success" title={t('successTitle')}>
          {t('successBody')}
        </Alert>
        <Link href="/login" className={buttonClass('primary')}>
          {t('toLogin')}
        </Link>
      </div>
    );
  }

  const text = (name: string, type = 'text', extra: { hint?: string; autoComplete?: string } = {}) => (
    <TextField name={name} label={t(name)} type={type} hint={extra.hint} autoComplete={extra.autoComplete} required={name !== 'phone'} />
  );

  return (
    <ZodForm {...signUp} className="mx-auto mt-6 max-w-2xl space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div>
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-800">{t('organizationSection')}</legend>
        <div className="sm:col-span-2">{text('organizationName')}</div>
        <SelectField
          name="kind"
          label={t('kind')}
          required
          placeholder={t('chooseKind')}
          options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: tk(k) }))}
        />
        {text('taxCode', 'text', { hint: t('taxCodeHint') })}
        <div className="sm:col-span-2">{text('address')}</div>
        {text('phone', 'tel')}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-800">{t('userSection')}</legend>
        {text('contactName', 'text', { autoComplete: 'name' })}
        {text('email', 'email', { autoComplete: 'email' })}
        {text('password', 'password', { hint: t('passwordHint'), autoComplete: 'new-password' })}
        {text('confirmPassword', 'password', { autoComplete: 'new-password' })}
      </fieldset>
      <div className="flex items-center justify-between">
        <p className="text-sm text-slate-600">
          {t('haveAccount')}{' '}
          <Link href="/login" className="font-medium text-brand-700 hover:underline">
            {t('toLogin')}
          </Link>
        </p>
        <SubmitButton>{t('submit')}</SubmitButton>
      </div>
    </ZodForm>
  );
}
