'use client';
import { useTranslations } from 'next-intl';
import { replaceMemberAction } from '@/lib/councils/actions';
import { SelectField, SubmitButton, useZodForm, ZodForm } from '@/components/forms/zod-form';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/councils/schemas');

/** Replaces a member who declared a conflict with an eligible evaluator not yet on the council (same position). */
export function ReplaceMemberForm({
  memberId,
  candidates,
}: {
  memberId: string;
  candidates: { id: string; name: string; affiliation: string }[];
}) {
  const t = useTranslations('deptCouncil');
  const replace = useZodForm({
    schema: () => schemas().then((m) => m.ZReplaceMember),
    action: replaceMemberAction,
    defaultValues: { memberId, userId: '' },
  });
  return (
    <ZodForm
      {...replace}
      className="mt-2 space-y-1"
      testId="replace-member-form"
      idPrefix={`replace-${memberId}-`}
      data={{ 'member-id': memberId }}
    >
      <div className="flex flex-wrap items-end gap-2">
        <SelectField
          name="userId"
          label={t('replaceWith')}
          className="min-w-56 flex-1"
          placeholder={t('chooseReplacement')}
          testId="replace-member-select"
          options={candidates.map((c) => ({ value: c.id, label: c.affiliation ? `${c.name} — ${c.affiliation}` : c.name }))}
        />
        <SubmitButton variant="secondary" testId="replace-member-submit">
          {t('replace')}
        </SubmitButton>
      </div>
    </ZodForm>
  );
}
