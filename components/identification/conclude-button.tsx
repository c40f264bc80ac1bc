'use client';
import { useTranslations } from 'next-intl';
import { concludeIdentificationAction } from '@/lib/identification/actions';
import { useAction } from '@/components/forms/use-action';
import { FormError } from '@/components/forms/form-error';
import { Button } from '@/components/ui/button';

/** Concludes an identification council with the computed result of each proposal (the council then closes). */
export function ConcludeButton({ councilId, version, disabled }: { councilId: string; version: number; disabled: boolean }) {
  const t = useTranslations('identification.council');
  const conclude = useAction(concludeIdentificationAction);
  return (
    <div className="space-y-2">
      <Button
        onClick={() => conclude.run({ councilId, version })}
        disabled={disabled || conclude.pending}
        data-testid="identification-conclude"
      >
        {conclude.pending ? t('concluding') : t('conclude')}
      </Button>
      <FormError message={conclude.error} />
    </div>
  );
}
