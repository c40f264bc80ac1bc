'use client';
import { useTranslations } from 'next-intl';
import { decideSelectionAction, formSelectionCouncilAction } from '@/lib/selection/actions';
import type { SelectionScreen } from '@/lib/selection/loaders';
import type { Position } from '@/lib/domain/council-rules';
import { SelectField, SubmitButton, TextAreaField, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { MeetingAtField, MemberPicker } from '@/components/department/council-form';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/selection/schemas');

/** The selection council of a listed task: the same members judge every submitted dossier. */
export function SelectionCouncilForm({ page }: { page: SelectionScreen }) {
  const t = useTranslations();
  const council = useZodForm({
    schema: () => schemas().then((m) => m.ZFormSelectionCouncil),
    action: formSelectionCouncilAction,
    defaultValues: {
      listedTaskId: page.listed.id,
      version: page.listed.version,
      meetingAt: '',
      members: [] as { userId: string; position: Position }[],
    },
  });
  return (
    <ZodForm {...council} className="space-y-4" testId="selection-council-form">
      <MemberPicker pool={page.pool} bounds={page.bounds} />
      <MeetingAtField testId="selection-meeting-at" />
      <SubmitButton pendingLabel={t('deptCouncil.forming')} testId="selection-council-submit">
        {t('selection.form.submit')}
      </SubmitButton>
    </ZodForm>
  );
}

/** The leader's decision: the dossier selected (or none), the reason when against the council. */
export function DecideSelectionForm({ page }: { page: SelectionScreen }) {
  const t = useTranslations('selection.decide');
  const decide = useZodForm({
    schema: () => schemas().then((m) => m.ZDecideSelection),
    action: decideSelectionAction,
    defaultValues: {
      listedTaskId: page.listed.id,
      version: page.listed.version,
      selectedTaskId: page.decisionDefaults.selectedTaskId,
      reason: '',
    },
  });
  const selected = decide.form.watch('selectedTaskId');
  return (
    <ZodForm {...decide} className="space-y-4" testId="selection-decide-form" idPrefix="decide-">
      <SelectField
        name="selectedTaskId"
        label={t('selected')}
        testId="selection-selected"
        options={[
          ...page.dossiers.map((d) => ({ value: d.id, label: `${d.hostOrganization.name} — ${d.title}` })),
          { value: '', label: t('none') },
        ]}
      />
      <TextAreaField name="reason" label={t('reason')} hint={t('reasonHint')} rows={3} testId="selection-reason" />
      {selected ? <p className="text-xs text-slate-600">{t('afterSelect')}</p> : null}
      <SubmitButton testId="selection-decide-submit">{selected ? t('submitSelect') : t('submitNone')}</SubmitButton>
    </ZodForm>
  );
}
