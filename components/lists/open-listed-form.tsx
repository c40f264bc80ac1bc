'use client';
import { useTranslations } from 'next-intl';
import { openListedTasksAction } from '@/lib/lists/actions';
import { CheckboxesField, SelectField, SubmitButton, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { BrowserIntl } from '@/components/i18n/browser-intl';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/lists/schemas');

export type OpenListedFormProps = {
  notices: { id: string; title: string }[];
  openable: {
    id: string;
    code: string | null;
    title: string;
    method: 'SELECTION' | 'DIRECT';
    directOrganization: { name: string } | null;
  }[];
};

/**
 * Puts listed tasks (listed, or unassigned after an earlier notice) to a selection notice that has not closed. Loaded
 * when the list's "choose tasks" is pressed (./open-listed.tsx), with the catalogs it translates with.
 */
export default function OpenListedForm(props: OpenListedFormProps) {
  return (
    <BrowserIntl catalogs={['core', 'lists']}>
      <Form {...props} />
    </BrowserIntl>
  );
}

function Form({ notices, openable }: OpenListedFormProps) {
  const t = useTranslations('lists');
  const open = useZodForm({
    schema: () => schemas().then((m) => m.ZOpenListed),
    action: openListedTasksAction,
    defaultValues: { callId: notices[0]?.id ?? '', listedTaskIds: [] as string[] },
  });
  return (
    <ZodForm {...open} className="space-y-3" testId="listed-open-form" idPrefix="open-">
      <SelectField
        name="callId"
        label={t('open.notice')}
        required
        options={notices.map((n) => ({ value: n.id, label: n.title }))}
        testId="listed-open-notice"
      />
      <CheckboxesField
        name="listedTaskIds"
        legend={t('open.tasks', { count: openable.length })}
        testId="listed-open-tasks"
        options={openable.map((l) => ({
          value: l.id,
          label: `${l.code ?? '—'} · ${l.title} (${t(`methods.${l.method}`)}${l.directOrganization ? `: ${l.directOrganization.name}` : ''})`,
          testId: `open-${l.id}`,
        }))}
      />
      <SubmitButton testId="listed-open-submit">{t('open.submit')}</SubmitButton>
    </ZodForm>
  );
}
