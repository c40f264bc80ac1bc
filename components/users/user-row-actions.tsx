'use client';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { resetUserPasswordAction, setUserActiveAction } from '@/lib/users/actions';
import { useAction } from '@/components/forms/use-action';
import { SubmitButton, TextField, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { Button } from '@/components/ui/button';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/users/schemas');

export function UserRowActions({ userId, active, self }: { userId: string; active: boolean; self: boolean }) {
  const t = useTranslations('users');
  const toggle = useAction(setUserActiveAction);
  const [resetting, setResetting] = useState(false);
  const [done, setDone] = useState(false);
  const reset = useZodForm({
    schema: () => schemas().then((m) => m.ZResetPassword),
    action: resetUserPasswordAction,
    defaultValues: { userId, password: '', confirmPassword: '' },
    refresh: false,
    onSuccess: () => {
      setResetting(false);
      setDone(true);
    },
  });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {!self && (
          <Button
            variant={active ? 'secondary' : 'primary'}
            disabled={toggle.pending}
            onClick={() => toggle.run({ userId, active: !active })}
          >
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
      {toggle.error && (
        <p role="alert" className="text-xs text-red-700">
          {toggle.error}
        </p>
      )}
      {done && (
        <p role="status" className="text-xs text-emerald-700">
          {t('passwordReset')}
        </p>
      )}
      {resetting && (
        <ZodForm {...reset} className="space-y-2 rounded-md border border-slate-200 p-2" idPrefix={`reset-${userId}-`}>
          <TextField name="password" label={t('newPassword')} type="password" autoComplete="new-password" />
          <TextField name="confirmPassword" label={t('confirmPassword')} type="password" autoComplete="new-password" />
          <SubmitButton>{t('resetPassword')}</SubmitButton>
        </ZodForm>
      )}
    </div>
  );
}
