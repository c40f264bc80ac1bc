'use client';
import { useTranslations } from 'next-intl';
import { useFormContext } from 'react-hook-form';
import { Button } from '@/components/ui/button';

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
