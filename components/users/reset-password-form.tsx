'use client';
import { useTranslations } from 'next-intl';
import { resetUserPasswordAction } from '@/lib/users/actions';
import { SubmitButton, TextField, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { BrowserIntl } from '@/components/i18n/browser-intl';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/users/schemas');

type Props = { userId: string; onDone: () => void };

/**
 * A user's new password, set by the admin: loaded when "reset password" is first pressed in the users list (which
 * ships neither the form library nor next-intl), with the catalog it translates with.
 */
export default function ResetPasswordForm(props: Props) {
  return (
    <BrowserIntl catalogs={['core']}>
      <Form {...props} />
    </BrowserIntl>
  );
}

function Form({ userId, onDone }: Props) {
  const t = useTranslations('users');
  const reset = useZodForm({
    schema: () => schemas().then((m) => m.ZResetPassword),
    action: resetUserPasswordAction,
    defaultValues: { userId, password: '', confirmPassword: '' },
    refresh: false,
    onSuccess: onDone,
  });
  return (
    <ZodForm {...reset} className="space-y-2 rounded-md border border-slate-200 p-2" idPrefix={`reset-${userId}-`}>
      <TextField name="password" label={t('newPassword')} type="password" autoComplete="new-password" />
      <TextField name="confirmPassword" label={t('confirmPassword')} type="password" autoComplete="new-password" />
      <SubmitButton>{t('resetPassword')}</SubmitButton>
    </ZodForm>
  );
}
