'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ZReplaceMember } from '@/lib/councils/schemas';
import { replaceMemberAction } from '@/lib/councils/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormError } from '@/components/forms/form-error';
import { Select } from '@/components/ui/field';
import { Button } from '@/components/ui/button';

/** Replaces a member who declared a conflict with an eligible evaluator not yet on the council (same position). */
export function ReplaceMemberForm({
  memberId,
  candidates,
}: {
  memberId: string;
  candidates: { id: string; name: string; affiliation: string }[];
}) {
  const t = useTranslations('deptCouncil');
  const router = useRouter();
  const {
    onSubmit,
    fieldErrors: e,
    formError,
    pending,
  } = useActionForm(ZReplaceMember, replaceMemberAction, {
    toInput: (form) => ({ memberId, userId: String(new FormData(form).get('userId') ?? '') }),
    onSuccess: () => router.refresh(),
  });
  const id = `replace-${memberId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 space-y-1" data-testid="replace-member-form" data-member-id={memberId}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {t('replaceWith')}
      </label>
      <div className="flex flex-wrap gap-2">
        <div className="min-w-56 flex-1">
          <Select
            name="userId"
            id={id}
            defaultValue=""
            error={e.userId}
            data-testid="replace-member-select"
            aria-describedby={e.userId ? `${id}-error` : undefined}
          >
            <option value="">{t('chooseReplacement')}</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.affiliation ? ` — ${c.affiliation}` : ''}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary" disabled={pending} data-testid="replace-member-submit">
          {t('replace')}
        </Button>
      </div>
      {e.userId && (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-700" data-field-error="userId">
          {e.userId}
        </p>
      )}
      <FormError message={formError} />
    </form>
  );
}
