'use client';
import { useTranslations } from 'next-intl';
import { decideExtensionAction } from '@/lib/reports/actions';
import { SubmitButton, TextAreaField, useZodForm, ZodForm } from '@/components/forms/zod-form';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/reports/schemas');

/** The leader's decision on a PENDING extension request: approve (the end date moves) or refuse with a reason. */
export function ExtensionDecisionForm({ requestId, version }: { requestId: string; version: number }) {
  const t = useTranslations('deptExtensions');
  const decide = useZodForm({
    schema: () => schemas().then((m) => m.ZExtensionDecision),
    action: decideExtensionAction,
    defaultValues: { requestId, version, approve: true, note: '' },
  });
  const choose = (approve: boolean) => () => decide.form.setValue('approve', approve);
  return (
    <ZodForm
      {...decide}
      className="space-y-2"
      testId="extension-decision-form"
      idPrefix={`extension-${requestId}-`}
      data={{ 'request-id': requestId }}
    >
      <TextAreaField name="note" label={t('note')} hint={t('noteHint')} rows={2} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton onClick={choose(true)} testId="extension-approve">
          {t('approve')}
        </SubmitButton>
        <SubmitButton onClick={choose(false)} variant="danger" testId="extension-refuse">
          {t('refuse')}
        </SubmitButton>
      </div>
    </ZodForm>
  );
}
