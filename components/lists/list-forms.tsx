'use client';
import { useTranslations } from 'next-intl';
import {
  addListItemsAction,
  createOrderListAction,
  createUrgentListedTaskAction,
  decideOrderListAction,
  recallOrderListAction,
  removeListItemAction,
  submitOrderListAction,
  updateListItemAction,
} from '@/lib/lists/actions';
import type { ListItemFormPage, OrderListPage } from '@/lib/lists/loaders';
import { moneyInputValue } from '@/lib/domain/money';
import { useAction } from '@/components/forms/use-action';
import { FormError } from '@/components/forms/form-error';
import { CheckboxesField, SubmitButton, TextAreaField, TextField, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ListedFields } from './listed-fields';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/lists/schemas');

/** A new list for a plan year (then filled on its own page). */
export function CreateListForm({ defaultYear }: { defaultYear: number }) {
  const t = useTranslations('lists');
  const create = useZodForm({
    schema: () => schemas().then((m) => m.ZCreateOrderList),
    action: createOrderListAction,
    defaultValues: { planYear: defaultYear, title: t('list.defaultTitle', { year: defaultYear }) },
    onSuccess: (d) => `/department/lists/${d.listId}`,
  });
  return (
    <ZodForm {...create} className="grid gap-3 sm:grid-cols-[10rem_1fr_auto] sm:items-end" testId="list-create-form" idPrefix="list-">
      <TextField name="planYear" label={t('fields.planYear')} required inputMode="numeric" testId="list-year" />
      <TextField name="title" label={t('fields.title')} required testId="list-title" />
      <SubmitButton testId="list-create-submit">{t('list.createSubmit')}</SubmitButton>
    </ZodForm>
  );
}

/** The recommended needs proposals of the plan year, to add to a draft list. */
export function AddItemsForm({ list }: { list: OrderListPage }) {
  const t = useTranslations('lists.detail');
  const add = useZodForm({
    schema: () => schemas().then((m) => m.ZAddListItems),
    action: addListItemsAction,
    defaultValues: { listId: list.id, version: list.version, needsIds: [] as string[] },
  });
  if (list.candidates.length === 0) return <p className="text-sm text-slate-600">{t('noCandidates')}</p>;
  return (
    <ZodForm {...add} className="space-y-3" testId="list-add-form" idPrefix="add-">
      <CheckboxesField
        name="needsIds"
        legend={t('candidates', { year: list.planYear, count: list.candidates.length })}
        hint={t('candidatesHint')}
        testId="list-candidates"
        options={list.candidates.map((c) => ({
          value: c.id,
          label: `${c.code ?? '—'} · ${c.refinedTitle || c.title} (${c.organization.name})`,
          testId: `candidate-${c.id}`,
        }))}
      />
      <SubmitButton variant="secondary" testId="list-add-submit">
        {t('add')}
      </SubmitButton>
    </ZodForm>
  );
}

export function RemoveItemButton({ listId, version, itemId }: { listId: string; version: number; itemId: string }) {
  const t = useTranslations('lists.detail');
  const remove = useAction(removeListItemAction);
  return (
    <span className="inline-flex flex-col">
      <Button
        variant="secondary"
        onClick={() => remove.run({ listId, version, itemId })}
        disabled={remove.pending}
        data-testid={`list-remove-${itemId}`}
      >
        {t('remove')}
      </Button>
      <FormError message={remove.error} />
    </span>
  );
}

/** Send the list to UBND (with the letter's number), or take it back. */
export function SubmitListForm({ list }: { list: OrderListPage }) {
  const t = useTranslations('lists');
  const submit = useZodForm({
    schema: () => schemas().then((m) => m.ZSubmitOrderList),
    action: submitOrderListAction,
    defaultValues: { listId: list.id, version: list.version, letterNumber: '' },
  });
  return (
    <Card title={t('detail.submitTitle')}>
      <ZodForm {...submit} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end" testId="list-submit-form" idPrefix="submit-">
        <TextField name="letterNumber" label={t('fields.letterNumber')} hint={t('detail.submitHint')} testId="list-letter" />
        <SubmitButton testId="list-submit">{t('detail.submit')}</SubmitButton>
      </ZodForm>
    </Card>
  );
}

export function RecallListButton({ listId, version }: { listId: string; version: number }) {
  const t = useTranslations('lists.detail');
  const recall = useAction(recallOrderListAction);
  return (
    <div className="space-y-1">
      <Button variant="secondary" onClick={() => recall.run({ listId, version })} disabled={recall.pending} data-testid="list-recall">
        {t('recall')}
      </Button>
      <FormError message={recall.error} />
    </div>
  );
}

/** The leader records UBND's decision: number, date, the items it struck (with the reason); the rest are approved. */
export function DecideListForm({ list }: { list: OrderListPage }) {
  const t = useTranslations('lists');
  const decide = useZodForm({
    schema: () => schemas().then((m) => m.ZDecideOrderList),
    action: decideOrderListAction,
    defaultValues: {
      listId: list.id,
      version: list.version,
      decisionNumber: '',
      decisionDate: '',
      struckIds: [] as string[],
      struckNote: '',
    },
  });
  return (
    <Card title={t('detail.decideTitle')}>
      <ZodForm {...decide} className="space-y-4" testId="list-decide-form" idPrefix="decide-">
        <p className="text-sm text-slate-600">{t('detail.decideHint')}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField name="decisionNumber" label={t('fields.decisionNumber')} required testId="list-decision-number" />
          <TextField name="decisionDate" label={t('fields.decisionDate')} required type="date" testId="list-decision-date" />
        </div>
        <CheckboxesField
          name="struckIds"
          legend={t('detail.struck')}
          testId="list-struck"
          options={list.items.map((i) => ({ value: i.id, label: i.title, testId: `strike-${i.id}` }))}
        />
        <TextAreaField name="struckNote" label={t('detail.struckNote')} rows={2} testId="list-struck-note" />
        <SubmitButton testId="list-decide-submit">{t('detail.decide')}</SubmitButton>
      </ZodForm>
    </Card>
  );
}

/** Edits one item of a draft list. */
export function ListItemForm({ page }: { page: ListItemFormPage }) {
  const t = useTranslations('lists');
  const { item } = page;
  const edit = useZodForm({
    schema: () => schemas().then((m) => m.ZUpdateListItem),
    action: updateListItemAction,
    defaultValues: {
      itemId: item.id,
      version: item.version,
      title: item.title,
      field: item.field ?? '',
      objectives: item.objectives,
      products: item.products,
      method: item.method,
      directOrganizationId: item.directOrganizationId ?? '',
      directReason: item.directReason,
      durationMonths: item.durationMonths === null ? '' : String(item.durationMonths),
      budgetEstimate: moneyInputValue(item.budgetEstimate),
      programId: item.programId ?? '',
    },
    onSuccess: () => `/department/lists/${item.list.id}`,
  });
  return (
    <ZodForm {...edit} className="space-y-4" testId="list-item-form">
      <ListedFields organizations={page.organizations} programs={page.programs} />
      <SubmitButton testId="list-item-save">{t('item.save')}</SubmitButton>
    </ZodForm>
  );
}

/** An urgent task listed by its own decision (the leader). */
export function UrgentListedForm({
  organizations,
  programs,
  defaultYear,
}: {
  organizations: { id: string; name: string }[];
  programs: { id: string; code: string; name: string }[];
  defaultYear: number;
}) {
  const t = useTranslations('lists');
  const urgent = useZodForm({
    schema: () => schemas().then((m) => m.ZUrgentListedTask),
    action: createUrgentListedTaskAction,
    defaultValues: {
      planYear: defaultYear,
      title: '',
      field: '',
      objectives: '',
      products: '',
      method: undefined,
      directOrganizationId: '',
      directReason: '',
      durationMonths: '',
      budgetEstimate: '',
      decisionNumber: '',
      decisionDate: '',
      programId: '',
    },
    onSuccess: () => '/department/listed-tasks',
  });
  return (
    <ZodForm {...urgent} className="space-y-4" testId="urgent-form">
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="planYear" label={t('fields.planYear')} required inputMode="numeric" testId="urgent-year" />
        <TextField name="decisionNumber" label={t('fields.decisionNumber')} required testId="urgent-decision-number" />
        <TextField name="decisionDate" label={t('fields.decisionDate')} required type="date" testId="urgent-decision-date" />
      </div>
      <ListedFields organizations={organizations} programs={programs} />
      <SubmitButton testId="urgent-submit">{t('urgent.submit')}</SubmitButton>
    </ZodForm>
  );
}
