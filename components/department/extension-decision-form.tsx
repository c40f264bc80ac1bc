'use client';
import { useRef } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ZExtensionDecision } from '@/lib/reports/schemas';
import { decideExtensionAction } from '@/lib/reports/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormError } from '@/components/forms/form-error';
import { Field, TextArea } from '@/components/ui/field';
import { Button } from '@/components/ui/button';

/** The leader's decision on a PENDING extension request: approve (the end date moves) or refuse with a reason. */
export function ExtensionDecisionForm({ requestId, version }: { requestId: string; version: number }) {
  const t = useTranslations('deptExtensions');
  const router = useRouter();
  const approve = useRef(true);
  const {
    onSubmit,
    fieldErrors: e,
    formError,
    pending,
  } = useActionForm(ZExtensionDecision, decideExtensionAction, {
    toInput: (form) => ({ requestId, version, approve: approve.current, note: String(new FormData(form).get('note') ?? '') }),
    onSuccess: () => router.refresh(),
  });
  const id = `extension-${requestId}-note`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2" data-testid="extension-decision-form" data-request-id={requestId}>
      <Field label={t('note')} name={id} error={e.note} hint={t('noteHint')}>
        <TextArea name="note" id={id} rows={2} error={e.note} aria-describedby={e.note ? `${id}-error` : undefined} />
      </Field>
      <FormError message={formError} />
      <div className="flex flex-wrap gap-2">
        <Button
          type="submit"
          disabled={pending}
          onClick={() => {
            approve.current = true;
          }}
          data-testid="extension-approve"
        >
          {t('approve')}
        </Button>
        <Button
          type="submit"
          variant="danger"
          disabled={pending}
          onClick={() => {
            approve.current = false;
          }}
          data-testid="extension-refuse"
        >
          {t('refuse')}
        </Button>
      </div>
    </form>
  );
}
