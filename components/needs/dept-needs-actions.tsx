'use client';
import { useTranslations } from 'next-intl';
import { mergeNeedsAction, returnNeedsAction } from '@/lib/needs/actions';
import type { DeptNeedsPage } from '@/lib/needs/loaders';
import { SelectField, SubmitButton, TextAreaField, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { Card } from '@/components/ui/card';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/needs/schemas');

type Props = { needsId: string; version: number; actions: DeptNeedsPage['actions'] };

/**
 * The department's screening of a submitted needs proposal: return it to the organization with what to fix, or
 * merge it into another proposal of the same needs call that asks for the same thing.
 */
export function DeptNeedsActions({ needsId, version, actions }: Props) {
  const t = useTranslations('needs.screening');
  const returning = useZodForm({
    schema: () => schemas().then((m) => m.ZReturnNeeds),
    action: returnNeedsAction,
    defaultValues: { needsId, version, note: '' },
  });
  const merging = useZodForm({
    schema: () => schemas().then((m) => m.ZMergeNeeds),
    action: mergeNeedsAction,
    defaultValues: { needsId, version, intoId: '' },
  });
  if (!actions.return && !actions.merge) return null;
  return (
    <Card title={t('title')}>
      <div className="grid gap-6 lg:grid-cols-2" data-testid="needs-screening">
        {actions.return && (
          <ZodForm {...returning} className="space-y-3" testId="needs-return-form" idPrefix="return-">
            <div>
              <h3 className="text-sm font-semibold text-slate-900">{t('returnTitle')}</h3>
              <p className="mt-0.5 text-xs text-slate-600">{t('returnHint')}</p>
            </div>
            <TextAreaField name="note" label={t('note')} required rows={4} testId="needs-return-note" />
            <SubmitButton variant="secondary" pendingLabel={t('pending')} testId="needs-return-submit">
              {t('returnSubmit')}
            </SubmitButton>
          </ZodForm>
        )}
        {actions.merge && (
          <ZodForm {...merging} className="space-y-3" testId="needs-merge-form" idPrefix="merge-">
            <div>
              <h3 className="text-sm font-semibold text-slate-900">{t('mergeTitle')}</h3>
              <p className="mt-0.5 text-xs text-slate-600">{t('mergeHint')}</p>
            </div>
            <SelectField
              name="intoId"
              label={t('mergeInto')}
              required
              placeholder={actions.merge.targets.length ? t('chooseTarget') : t('noTargets')}
              testId="needs-merge-into"
              options={actions.merge.targets.map((x) => ({ value: x.id, label: `${x.code ?? '—'} · ${x.title} (${x.organization.name})` }))}
            />
            <SubmitButton
              variant="secondary"
              pendingLabel={t('pending')}
              disabled={!actions.merge.targets.length}
              testId="needs-merge-submit"
            >
              {t('mergeSubmit')}
            </SubmitButton>
          </ZodForm>
        )}
      </div>
    </Card>
  );
}
