'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ZCreateUser } from '@/lib/users/schemas';
import { createUserAction } from '@/lib/users/actions';
import { ROLES, type Role } from '@/lib/domain/roles';
import { SCIENCE_FIELDS } from '@/lib/domain/task-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormError } from '@/components/forms/form-error';
import { Field, Select, TextInput } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';

export function CreateUserForm({ organizations }: { organizations: { id: string; name: string }[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [role, setRole] = useState<Role>('DEPARTMENT_STAFF');
  const [created, setCreated] = useState(false);
  const {
    onSubmit,
    fieldErrors: e,
    formError,
    pending,
  } = useActionForm(ZCreateUser, createUserAction, {
    onSuccess: (_data, form) => {
      form.reset();
      setRole('DEPARTMENT_STAFF');
      setCreated(true);
      router.refresh();
    },
  });
  const text = (name: string, label: string, type = 'text', required = true) => (
    <Field label={label} name={name} error={e[name]} required={required}>
      <TextInput name={name} type={type} error={e[name]} onChange={() => setCreated(false)} />
    </Field>
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="create-user-form">
      {created && <Alert tone="success">{t('users.created')}</Alert>}
      {text('name', t('users.name'))}
      {text('email', t('users.email'), 'email')}
      <Field label={t('users.role')} name="role" error={e.role} required>
        <Select name="role" value={role} onChange={(ev) => setRole(ev.target.value as Role)} error={e.role}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      {(role === 'ORGANIZATION' || role === 'EVALUATOR') && (
        <Field
          label={role === 'ORGANIZATION' ? t('users.organization') : t('users.evaluatorOrganization')}
          name="organizationId"
          error={e.organizationId}
          required={role === 'ORGANIZATION'}
        >
          <Select name="organizationId" defaultValue="" error={e.organizationId}>
            <option value="">{role === 'ORGANIZATION' ? t('users.chooseOrganization') : t('users.none')}</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {role === 'EVALUATOR' && (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">{t('users.evaluatorSection')}</legend>
          <Field label={t('users.field')} name="field" error={e.field} required>
            <Select name="field" defaultValue="" error={e.field}>
              <option value="">{t('users.chooseField')}</option>
              {SCIENCE_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {t(`fields.${f}`)}
                </option>
              ))}
            </Select>
          </Field>
          {text('expertise', t('users.expertise'))}
          {text('affiliation', t('users.affiliation'))}
          {text('academicDegree', t('users.academicDegree'), 'text', false)}
        </fieldset>
      )}
      {text('phone', t('users.phone'), 'tel', false)}
      {text('password', t('users.password'), 'password')}
      <FormError message={formError} />
      <Button type="submit" disabled={pending} className="w-full">
        {t('users.create')}
      </Button>
    </form>
  );
}
