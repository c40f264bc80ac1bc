'use client';
import { useTranslations } from 'next-intl';
import { createUserAction } from '@/lib/users/actions';
import { ROLES } from '@/lib/domain/roles';
import { SCIENCE_FIELDS } from '@/lib/domain/task-status';
import { SelectField, SubmitButton, TextField, useZodForm, ZodForm } from '@/components/forms/zod-form';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/users/schemas');

/** A new user; once created, the list shows them (found by their email). */
export function CreateUserForm({ organizations }: { organizations: { id: string; name: string }[] }) {
  const t = useTranslations();
  const create = useZodForm({
    schema: () => schemas().then((m) => m.ZCreateUser),
    action: createUserAction,
    defaultValues: {
      name: '',
      email: '',
      role: 'DEPARTMENT_STAFF',
      phone: '',
      password: '',
      organizationId: '',
      field: '',
      expertise: '',
      affiliation: '',
      academicDegree: '',
    },
    onSuccess: (_data, form) => `/department/users?q=${encodeURIComponent(form.getValues('email'))}`,
  });
  const role = create.form.watch('role');
  return (
    <ZodForm {...create} className="space-y-3" testId="create-user-form">
      <TextField name="name" label={t('users.name')} required />
      <TextField name="email" label={t('users.email')} type="email" required />
      <SelectField name="role" label={t('users.role')} required options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
      {(role === 'ORGANIZATION' || role === 'EVALUATOR') && (
        <SelectField
          name="organizationId"
          label={role === 'ORGANIZATION' ? t('users.organization') : t('users.evaluatorOrganization')}
          required={role === 'ORGANIZATION'}
          placeholder={role === 'ORGANIZATION' ? t('users.chooseOrganization') : t('users.none')}
          options={organizations.map((o) => ({ value: o.id, label: o.name }))}
        />
      )}
      {role === 'EVALUATOR' && (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">{t('users.evaluatorSection')}</legend>
          <SelectField
            name="field"
            label={t('users.field')}
            required
            placeholder={t('users.chooseField')}
            options={SCIENCE_FIELDS.map((f) => ({ value: f, label: t(`fields.${f}`) }))}
          />
          <TextField name="expertise" label={t('users.expertise')} required />
          <TextField name="affiliation" label={t('users.affiliation')} required />
          <TextField name="academicDegree" label={t('users.academicDegree')} />
        </fieldset>
      )}
      <TextField name="phone" label={t('users.phone')} type="tel" />
      <TextField name="password" label={t('users.password')} type="password" autoComplete="new-password" required />
      <SubmitButton className="w-full">{t('users.create')}</SubmitButton>
    </ZodForm>
  );
}
