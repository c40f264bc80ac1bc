'use client';
import { useTranslations } from 'next-intl';
import { ZDecideSelection, ZFormSelectionCouncil } from '@/lib/selection/schemas';
import { decideSelectionAction, formSelectionCouncilAction } from '@/lib/selection/actions';
import type { SelectionScreen } from '@/lib/selection/loaders';
import type { Position } from '@/lib/domain/council-rules';
import { MoneyField, SelectField, SubmitButton, TextAreaField, TextField, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { MeetingAtField, MemberPicker } from '@/components/department/council-form';

/** The selection council of a listed task: the same members judge every submitted dossier. */
export function SelectionCouncilForm({ page }: { page: SelectionScreen }) {
  const t = useTranslations();
  const council = useZodForm({
    schema: ZFormSelectionCouncil,
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

/** The leader's decision: the dossier selected (or none), the reason when against the council, the approval. */
export function DecideSelectionForm({ page }: { page: SelectionScreen }) {
  const t = useTranslations('selection.decide');
  const decide = useZodForm({
    schema: ZDecideSelection,
    action: decideSelectionAction,
    defaultValues: {
      listedTaskId: page.listed.id,
      version: page.listed.version,
      selectedTaskId: page.decisionDefaults.selectedTaskId,
      reason: '',
      decisionNo: '',
      decisionDate: page.decisionDefaults.decisionDate,
      approvedBudget: page.decisionDefaults.approvedBudget,
      approvedDurationMonths: page.decisionDefaults.approvedDurationMonths,
      note: '',
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
      {selected ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField name="decisionNo" label={t('decisionNo')} required testId="selection-decision-no" />
          <TextField name="decisionDate" label={t('decisionDate')} required type="date" testId="selection-decision-date" />
          <MoneyField name="approvedBudget" label={t('approvedBudget')} required testId="selection-budget" />
          <TextField
            name="approvedDurationMonths"
            label={t('approvedDurationMonths')}
            required
            inputMode="numeric"
            testId="selection-duration"
          />
        </div>
      ) : null}
      <SubmitButton testId="selection-decide-submit">{selected ? t('submitSelect') : t('submitNone')}</SubmitButton>
    </ZodForm>
  );
}
