'use client';
import { useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { useFormContext, type DefaultValues, type FieldValues } from 'react-hook-form';
import type * as z from '@/lib/domain/zod';
import { saveBallotAction } from '@/lib/councils/actions';
import { TextAreaField, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';

/**
 * "Save draft" and "Submit ballot" for a ballot form. Submitting locks the ballot, so it asks for a confirmation
 * first; the button that sends the form sets the form's `submit` value to say which of the two it was.
 */
export function BallotButtons({ confirming, setConfirming }: { confirming: boolean; setConfirming: (v: boolean) => void }) {
  const t = useTranslations('ballot');
  const { setValue, formState } = useFormContext<{ submit: boolean }>();
  const pending = formState.isSubmitting;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button
          type="submit"
          variant="secondary"
          disabled={pending}
          onClick={() => setValue('submit', false)}
          data-testid="ballot-save-draft"
        >
          {t('saveDraft')}
        </Button>
        <Button type="button" disabled={pending || confirming} onClick={() => setConfirming(true)} data-testid="ballot-submit">
          {t('submit')}
        </Button>
      </div>
      {confirming && (
        <div
          role="alertdialog"
          aria-labelledby="ballot-confirm-title"
          className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
          data-testid="ballot-confirm"
        >
          <p id="ballot-confirm-title" className="font-semibold">
            {t('confirmTitle')}
          </p>
          <p>{t('confirmBody')}</p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={pending} onClick={() => setValue('submit', true)} data-testid="ballot-confirm-submit">
              {pending ? t('submitting') : t('confirmSubmit')}
            </Button>
            <Button
              type="button"
              variant="secondary"
              disabled={pending}
              onClick={() => setConfirming(false)}
              data-testid="ballot-confirm-cancel"
            >
              {t('cancel')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}

/** The state of a ballot form at either stage: the form itself, "draft saved", and the submit confirmation. */
export function useBallotForm<S extends z.core.$ZodType>(schema: () => Promise<S>, defaultValues: DefaultValues<z.input<S> & FieldValues>) {
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const ballot = useZodForm({
    schema,
    action: saveBallotAction,
    defaultValues,
    onSuccess: (_data, form) => setSaved(!form.getValues('submit' as never)),
  });
  return { ballot, confirming, setConfirming, saved, setSaved };
}

/** A ballot form: the stage's own fields (children), then comments, "draft saved", and the two buttons. */
export function BallotForm<S extends z.core.$ZodType>({
  state,
  testId,
  children,
}: {
  state: ReturnType<typeof useBallotForm<S>>;
  testId: string;
  children: ReactNode;
}) {
  const t = useTranslations();
  const { ballot, confirming, setConfirming, saved, setSaved } = state;
  return (
    <ZodForm
      {...ballot}
      onSubmit={(event) => {
        setConfirming(false);
        setSaved(false);
        void ballot.onSubmit(event);
      }}
      testId={testId}
    >
      {children}
      <TextAreaField
        name="comments"
        label={t('ballot.comments')}
        hint={t('ballot.commentsHint')}
        rows={5}
        maxLength={10_000}
        testId="ballot-comments"
      />
      {saved && (
        <Alert tone="success">
          <span data-testid="ballot-draft-saved">{t('ballot.draftSaved')}</span>
        </Alert>
      )}
      <BallotButtons confirming={confirming} setConfirming={setConfirming} />
    </ZodForm>
  );
}
