'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ZLogin } from '@/lib/users/schemas';
import { loginAction } from '@/lib/users/session-actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormError } from '@/components/forms/form-error';
import { Field, TextInput } from '@/components/ui/field';
import { Button } from '@/components/ui/button';

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations('login');
  const { onSubmit, fieldErrors, formError, pending } = useActionForm(ZLogin, loginAction);
  return (
    <div className="mx-auto mt-10 max-w-md">
      <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <div>
          <h1 className="text-xl font-semibold">{t('title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('subtitle')}</p>
        </div>
        {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
        <Field label={t('email')} name="email" error={fieldErrors.email}>
          <TextInput name="email" type="email" autoComplete="username" error={fieldErrors.email} />
        </Field>
        <Field label={t('password')} name="password" error={fieldErrors.password}>
          <TextInput name="password" type="password" autoComplete="current-password" error={fieldErrors.password} />
        </Field>
        <FormError message={formError} />
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? t('submitting') : t('submit')}
        </Button>
      </form>
      <p className="mt-4 text-center text-sm text-slate-600">
        {t('noAccount')}{' '}
        <Link href="/sign-up" className="font-medium text-brand-700 hover:underline">
          {t('signUp')}
        </Link>
      </p>
    </div>
  );
}
