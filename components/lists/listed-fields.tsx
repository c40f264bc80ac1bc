'use client';
import { useTranslations } from 'next-intl';
import { useFormContext } from 'react-hook-form';
import { SCIENCE_FIELDS } from '@/lib/domain/task-status';
import { MoneyField, SelectField, TextAreaField, TextField } from '@/components/forms/zod-form';
import { ProgramSelect } from '@/components/programs/program-select';

/**
 * The content of a listed task (an item of a list, or an urgent task): name, field, objectives, products, the
 * method (direct assignment names the organization and why), duration, the estimated state budget and the
 * province's program it belongs to (if any).
 */
export function ListedFields({
  organizations,
  programs,
}: {
  organizations: { id: string; name: string }[];
  programs: { id: string; code: string; name: string }[];
}) {
  const t = useTranslations();
  const method = useFormContext<{ method?: string }>().watch('method');
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField name="title" label={t('lists.fields.itemTitle')} required className="sm:col-span-2" testId="listed-title" />
      <SelectField
        name="field"
        label={t('lists.fields.field')}
        placeholder={t('common.choose')}
        options={SCIENCE_FIELDS.map((f) => ({ value: f, label: t(`fields.${f}`) }))}
        testId="listed-field"
      />
      <SelectField
        name="method"
        label={t('lists.fields.method')}
        required
        placeholder={t('common.choose')}
        options={[
          { value: 'SELECTION', label: t('lists.methods.SELECTION') },
          { value: 'DIRECT', label: t('lists.methods.DIRECT') },
        ]}
        testId="listed-method"
      />
      <TextAreaField name="objectives" label={t('lists.fields.objectives')} required rows={4} testId="listed-objectives" />
      <TextAreaField name="products" label={t('lists.fields.products')} required rows={4} testId="listed-products" />
      {method === 'DIRECT' && (
        <>
          <SelectField
            name="directOrganizationId"
            label={t('lists.fields.directOrganization')}
            required
            placeholder={t('common.choose')}
            options={organizations.map((o) => ({ value: o.id, label: o.name }))}
            testId="listed-direct-org"
          />
          <TextAreaField name="directReason" label={t('lists.fields.directReason')} required rows={2} testId="listed-direct-reason" />
        </>
      )}
      <TextField name="durationMonths" label={t('lists.fields.durationMonths')} inputMode="numeric" testId="listed-duration" />
      <MoneyField name="budgetEstimate" label={t('lists.fields.budgetEstimate')} testId="listed-budget" />
      <ProgramSelect programs={programs} className="sm:col-span-2" testId="listed-program" />
    </div>
  );
}
