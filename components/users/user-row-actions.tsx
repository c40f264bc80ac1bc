'use client';
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { resetUserPasswordAction, setUserActiveAction } from '@/lib/users/actions';
import { ZResetPassword } from '@/lib/users/schemas';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormError } from '@/components/forms/form-error';
import { Field, TextInput } from '@/components/ui/field';
import { Button } from '@/components/ui/button';

export function UserRowActions({ userId, active, self }: { userId: string; active: boolean; self: boolean }) {
  const t = useTranslations('users');
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [resetting, setResetting] = useState(false);
  const [done, setDone] = useState(false);
  const reset = useActionForm(ZResetPassword, resetUserPasswordAction, {
    toInput: (form) => ({ ...Object.fromEntries(new FormData(form)), userId }),
    onSuccess: () => {
      setResetting(false);
      setDone(true);
    },
  });
  const toggle = () =>
    start(async () => {
      const result = await setUserActiveAction({ userId, active: !active });
      if (!result.ok) setError(result.error);
      else {
        setError(null);
        router.refresh();
      }
    });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {!self && (
          <Button variant={active ? 'secondary' : 'primary'} disabled={pending} onClick={toggle}>
            {active ? t('deactivate') : t('activate')}
          </Button>
        )}
        <Button
          variant="ghost"
          onClick={() => {
            setResetting((v) => !v);
            setDone(false);
          }}
        >
          {t('resetPassword')}
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
      {done && (
        <p role="status" className="text-xs text-emerald-700">
          {t('passwordReset')}
        </p>
      )}
      {resetting && (
        <form onSubmit={reset.onSubmit} noValidate className="space-y-2 rounded-md border border-slate-200 p-2">
          <Field label={t('newPassword')} name="password" error={reset.fieldErrors.password}>
            <TextInput name="password" type="password" autoComplete="new-password" error={reset.fieldErrors.password} />
          </Field>
          <Field label={t('confirmPassword')} name="confirmPassword" error={reset.fieldErrors.confirmPassword}>
            <TextInput name="confirmPassword" type="password" autoComplete="new-password" error={reset.fieldErrors.confirmPassword} />
          </Field>
          <FormError message={reset.formError} />
          <Button type="submit" disabled={reset.pending}>
            {t('resetPassword')}
          </Button>
        </form>
      )}
    </div>
  );
}
