'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { loginAction } from '@/lib/users/session-actions';
import { SubmitButton, TextField, useZodForm, ZodForm } from '@/components/forms/zod-form';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/users/schemas');

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations('login');
  const login = useZodForm({
    schema: () => schemas().then((m) => m.ZLogin),
    action: loginAction,
    defaultValues: { email: '', password: '', callbackUrl },
    refresh: false,
  });
  return (
    <div className="mx-auto mt-10 max-w-md">
      <ZodForm {...login} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <div>
          <h1 className="text-xl font-semibold">{t('title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('subtitle')}</p>
        </div>
        <TextField name="email" label={t('email')} type="email" autoComplete="username" />
        <TextField name="password" label={t('password')} type="password" autoComplete="current-password" />
        <SubmitButton pendingLabel={t('submitting')} className="w-full">
          {t('submit')}
        </SubmitButton>
      </ZodForm>
      <p className="mt-4 text-center text-sm text-slate-600">
        {t('noAccount')}{' '}
        <Link href="/sign-up" className="font-medium text-brand-700 hover:underline">
          {t('signUp')}
        </Link>
      </p>
      <p className="mt-2 text-center text-sm">
        <Link href="/registry" className="font-medium text-brand-700 hover:underline">
          {t('registry')}
        </Link>
      </p>
    </div>
  );
}
