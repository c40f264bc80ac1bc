'use client';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { updateProfileAction } from '@/lib/users/actions';
import type { ProfilePage } from '@/lib/users/loaders';
import { LOCALE_NAMES, LOCALES } from '@/lib/domain/locale';
import { CheckboxesField, SelectField, SubmitButton, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { Alert } from '@/components/ui/card';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/users/schemas');

/** The user's own settings: the language of their e-mails and which kinds of e-mail they receive. */
export function ProfileForm({ profile }: { profile: ProfilePage }) {
  const t = useTranslations('profile');
  const [saved, setSaved] = useState(false);
  const form = useZodForm({
    schema: () => schemas().then((m) => m.ZProfile),
    action: updateProfileAction,
    defaultValues: { locale: profile.locale, mailCategories: profile.receiving },
    onSuccess: () => setSaved(true),
  });
  return (
    <ZodForm {...form} className="space-y-4" testId="profile-form">
      {saved && <Alert tone="success">{t('saved')}</Alert>}
      <SelectField name="locale" label={t('locale')} required options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
      {profile.offered.length > 0 && (
        <CheckboxesField
          name="mailCategories"
          legend={t('mailCategories')}
          hint={t('mailHint')}
          testId="mail-categories"
          options={profile.offered.map((c) => ({ value: c, label: t(`categories.${c}`), testId: `mail-category-${c}` }))}
        />
      )}
      <p className="text-xs text-slate-500">{t('alwaysSent')}</p>
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </ZodForm>
  );
}
