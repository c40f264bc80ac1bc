'use client';
import { useTranslations } from 'next-intl';
import { formIdentificationCouncilAction } from '@/lib/identification/actions';
import type { IdentificationFormPage } from '@/lib/identification/loaders';
import { ineligibility, type Position } from '@/lib/domain/council-rules';
import { batchParties } from '@/lib/domain/identification';
import { CheckboxesField, SubmitButton, TextField, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { MeetingAtField, MemberPicker } from '@/components/department/council-form';
import { Card } from '@/components/ui/card';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/identification/schemas');

/**
 * An identification council over a batch of the call's submitted needs proposals: the batch, the members (no one
 * from an organization that proposed in the batch, shown as the batch changes), the meeting.
 */
export function IdentificationCouncilForm({ page }: { page: IdentificationFormPage }) {
  const t = useTranslations();
  const council = useZodForm({
    schema: () => schemas().then((m) => m.ZFormIdentificationCouncil),
    action: formIdentificationCouncilAction,
    defaultValues: {
      callId: page.call.id,
      name: t('identification.form.defaultName', { year: page.call.year }),
      meetingAt: '',
      needsIds: [] as string[],
      members: [] as { userId: string; position: Position }[],
    },
    onSuccess: (d) => `/department/needs/councils/${d.councilId}`,
  });
  const chosen = new Set((council.form.watch('needsIds') ?? []) as string[]);
  const parties = batchParties(page.needs.filter((n) => chosen.has(n.id)).map((n) => n.organizationId));
  const pool = page.evaluators.map((e) => ({ ...e, ineligible: ineligibility({ ...e, userId: e.id }, parties) }));
  return (
    <ZodForm {...council} testId="identification-form" className="space-y-6">
      <Card title={t('identification.form.batch')}>
        <div className="space-y-4">
          <TextField name="name" label={t('identification.fields.name')} required testId="identification-name" />
          <CheckboxesField
            name="needsIds"
            legend={t('identification.form.needs', { count: page.needs.length })}
            hint={t('identification.form.needsHint')}
            testId="identification-needs"
            options={page.needs.map((n) => ({
              value: n.id,
              label: `${n.code ?? '—'} · ${n.title} (${n.organization.name})`,
              testId: `needs-pick-${n.id}`,
            }))}
          />
        </div>
      </Card>
      <Card title={t('identification.form.members')}>
        <MemberPicker
          pool={pool}
          bounds={{ councilSizeMin: page.size.min, councilSizeMax: page.size.max, councilSizeDefault: page.size.usual }}
        />
      </Card>
      <MeetingAtField testId="identification-meeting-at" />
      <SubmitButton pendingLabel={t('deptCouncil.forming')} testId="identification-submit">
        {t('identification.form.submit')}
      </SubmitButton>
    </ZodForm>
  );
}
