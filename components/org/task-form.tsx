'use client';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { ZTaskContent } from '@/lib/tasks/schemas';
import { createDraftAction, updateDraftAction } from '@/lib/tasks/actions';
import { SCIENCE_FIELDS, TASK_TYPES } from '@/lib/domain/task-status';
import { formatDateTime, formatVnd, type Locale } from '@/lib/domain/format';
import { money } from '@/lib/domain/inputs';
import type { ActionResult } from '@/lib/server/action-result';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormError } from '@/components/forms/form-error';
import { Field, Select, TextArea, TextInput } from '@/components/ui/field';
import { Button, buttonClass } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import type { CallOption } from './call-options';
import { moneyInputValue } from '@/lib/domain/format';
import { formToTaskContent, type KeyMemberValues, type ProductValues, type TaskFormValues } from './task-form-values';

type Props = {
  initial: TaskFormValues;
  calls: CallOption[];
  organizations: { id: string; name: string }[];
  /** Editing an existing draft: its id and the version the page loaded. Absent: a new proposal. */
  task?: { id: string; version: number };
};

type Saved = { taskId: string; version: number };

let seq = 0;
const newKey = () => ++seq;
const keyed = <T,>(rows: T[]) => rows.map((init) => ({ key: newKey(), init }));

const EMPTY_MEMBER: KeyMemberValues = { name: '', degree: '', role: '', organization: '' };
const EMPTY_PRODUCT: ProductValues = { name: '', kind: '', quantity: '', quality: '' };

/** Server messages of an update come keyed "content.title": the form's inputs are named "title". */
function unprefix(result: ActionResult<Saved>): ActionResult<Saved> {
  if (result.ok || !result.fieldErrors) return result;
  return {
    ...result,
    fieldErrors: Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k.replace(/^content\./, ''), v])),
  };
}

/** The proposal form, for a new task and for editing a draft or a returned proposal. Saves a draft at any point. */
export function TaskForm({ initial, calls, organizations, task }: Props) {
  const t = useTranslations('taskForm');
  const tAll = useTranslations();
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [members, setMembers] = useState(() => keyed(initial.keyMembers));
  const [products, setProducts] = useState(() => keyed(initial.expectedProducts));
  const [partnerNames, setPartnerNames] = useState(() => keyed(initial.partnerNames));
  const [budget, setBudget] = useState({ total: initial.budgetTotal, state: initial.budgetState, other: initial.budgetOther });

  const action: (content: unknown) => Promise<ActionResult<Saved>> = task
    ? async (content: unknown) => unprefix(await updateDraftAction({ taskId: task.id, version: task.version, content }))
    : (content: unknown) => createDraftAction(content);
  const {
    onSubmit,
    fieldErrors: e,
    formError,
    pending,
  } = useActionForm(ZTaskContent, action, {
    toInput: formToTaskContent,
    onSuccess: (data) => router.push(`/org/tasks/${data.taskId}`),
  });

  const text = (
    name: keyof TaskFormValues,
    opts: {
      type?: string;
      forSubmit?: boolean;
      required?: boolean;
      hint?: string;
      autoComplete?: string;
      inputMode?: 'numeric' | 'email' | 'tel';
    } = {},
  ) => (
    <Field
      label={<Label text={t(`labels.${name}`)} forSubmit={opts.forSubmit} />}
      name={name}
      error={e[name]}
      hint={opts.hint}
      required={opts.required}
    >
      <TextInput
        name={name}
        type={opts.type ?? 'text'}
        defaultValue={initial[name] as string}
        error={e[name]}
        autoComplete={opts.autoComplete ?? 'off'}
        inputMode={opts.inputMode}
      />
    </Field>
  );
  const area = (name: 'objectives' | 'contentMethods' | 'applicationPlan', rows = 6) => (
    <Field label={<Label text={t(`labels.${name}`)} forSubmit />} name={name} error={e[name]} hint={t(`hints.${name}`)}>
      <TextArea name={name} rows={rows} defaultValue={initial[name]} error={e[name]} />
    </Field>
  );

  const parsedMoney = (v: string) => {
    const r = money.safeParse(v);
    return r.success ? r.data : null;
  };
  const state = parsedMoney(budget.state);
  const other = budget.other.trim() === '' ? 0n : parsedMoney(budget.other);
  const sum = state !== null && other !== null ? state + other : null;
  const moneyInput = (name: 'budgetTotal' | 'budgetState' | 'budgetOther', key: keyof typeof budget, hint?: ReactNode) => (
    <Field label={<Label text={t(`labels.${name}`)} forSubmit={name !== 'budgetOther'} />} name={name} error={e[name]} hint={hint}>
      <TextInput
        name={name}
        inputMode="numeric"
        autoComplete="off"
        placeholder="1.250.000.000"
        value={budget[key]}
        onChange={(ev) => setBudget((b) => ({ ...b, [key]: ev.target.value }))}
        onBlur={(ev) => {
          const n = parsedMoney(ev.target.value);
          if (n !== null) setBudget((b) => ({ ...b, [key]: moneyInputValue(n) }));
        }}
        error={e[name]}
      />
    </Field>
  );

  const partnerError = Object.entries(e).find(([k]) => k === 'partnerOrganizationIds' || k.startsWith('partnerOrganizationIds.'))?.[1];

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" data-testid="task-form">
      <Alert>{t('intro')}</Alert>

      <Card title={t('sections.general')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <Field label={t('labels.title')} name="title" error={e.title} required hint={t('hints.title')}>
              <TextArea name="title" rows={2} defaultValue={initial.title} error={e.title} />
            </Field>
          </div>
          <Field label={<Label text={t('labels.type')} forSubmit />} name="type" error={e.type}>
            <Select name="type" defaultValue={initial.type} error={e.type}>
              <option value="">{t('choose')}</option>
              {TASK_TYPES.map((v) => (
                <option key={v} value={v}>
                  {tAll(`taskTypes.${v}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={<Label text={t('labels.field')} forSubmit />} name="field" error={e.field}>
            <Select name="field" defaultValue={initial.field} error={e.field}>
              <option value="">{t('choose')}</option>
              {SCIENCE_FIELDS.map((v) => (
                <option key={v} value={v}>
                  {tAll(`fields.${v}`)}
                </option>
              ))}
            </Select>
          </Field>
          <div className="sm:col-span-2">
            <Field label={t('labels.callId')} name="callId" error={e.callId} hint={t('hints.callId')}>
              <Select name="callId" defaultValue={initial.callId} error={e.callId}>
                <option value="">{t('noCall')}</option>
                {calls.map((c) => (
                  <option key={c.id} value={c.id}>
                    {t(`callOption.${c.state}`, {
                      title: c.title,
                      closes: formatDateTime(c.closesAt, locale),
                      opens: formatDateTime(c.opensAt, locale),
                    })}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        </div>
      </Card>

      <Card title={t('sections.pi')}>
        <div className="grid gap-4 sm:grid-cols-2">
          {text('piName', { forSubmit: true })}
          {text('piDegree', { hint: t('hints.piDegree') })}
          {text('piTitle', { hint: t('hints.piTitle') })}
          {text('piEmail', { type: 'email', forSubmit: true, inputMode: 'email' })}
          {text('piPhone', { type: 'tel', forSubmit: true, inputMode: 'tel' })}
        </div>
      </Card>

      <Card
        title={t('sections.keyMembers')}
        actions={
          <Button
            variant="secondary"
            data-testid="add-key-member"
            onClick={() => setMembers((m) => [...m, { key: newKey(), init: EMPTY_MEMBER }])}
          >
            {t('addKeyMember')}
          </Button>
        }
      >
        {members.length === 0 ? (
          <p className="text-sm text-slate-500">{t('noKeyMembers')}</p>
        ) : (
          <ol className="space-y-3">
            {members.map((row, i) => {
              const p = `keyMembers.${i}`;
              return (
                <li key={row.key} className="rounded-md border border-slate-200 p-3" data-testid="key-member-row">
                  <div className="mb-2 flex items-center justify-between">
                    <span className="text-sm font-medium text-slate-700">{t('memberNo', { n: i + 1 })}</span>
                    <Button
                      variant="ghost"
                      data-testid="remove-key-member"
                      onClick={() => setMembers((m) => m.filter((x) => x.key !== row.key))}
                    >
                      {t('remove')}
                    </Button>
                  </div>
                  <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
                    <Field label={t('labels.memberName')} name={`${p}.name`} error={e[`${p}.name`]} required>
                      <TextInput name={`${p}.name`} defaultValue={row.init.name} error={e[`${p}.name`]} autoComplete="off" />
                    </Field>
                    <Field label={t('labels.memberDegree')} name={`${p}.degree`} error={e[`${p}.degree`]}>
                      <TextInput name={`${p}.degree`} defaultValue={row.init.degree} error={e[`${p}.degree`]} autoComplete="off" />
                    </Field>
                    <Field label={t('labels.memberRole')} name={`${p}.role`} error={e[`${p}.role`]} required>
                      <TextInput
                        name={`${p}.role`}
                        defaultValue={row.init.role}
                        error={e[`${p}.role`]}
                        autoComplete="off"
                        placeholder={t('hints.memberRole')}
                      />
                    </Field>
                    <Field label={t('labels.memberOrganization')} name={`${p}.organization`} error={e[`${p}.organization`]}>
                      <TextInput
                        name={`${p}.organization`}
                        defaultValue={row.init.organization}
                        error={e[`${p}.organization`]}
                        autoComplete="off"
                      />
                    </Field>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        {e.keyMembers && (
          <p className="mt-2 text-xs text-red-700" role="alert" data-field-error="keyMembers">
            {e.keyMembers}
          </p>
        )}
      </Card>

      <Card title={t('sections.partners')}>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">{t('labels.partnerOrganizationIds')}</legend>
          {organizations.length === 0 ? (
            <p className="text-sm text-slate-500">{t('noOrganizations')}</p>
          ) : (
            <div className="max-h-56 overflow-y-auto rounded-md border border-slate-200 p-2" data-testid="partner-organizations">
              {organizations.map((o) => (
                <label key={o.id} className="flex items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50">
                  <input
                    type="checkbox"
                    name="partnerOrganizationIds"
                    value={o.id}
                    defaultChecked={initial.partnerOrganizationIds.includes(o.id)}
                    className="h-4 w-4 rounded border-slate-300"
                  />
                  {o.name}
                </label>
              ))}
            </div>
          )}
          {partnerError ? (
            <p className="text-xs text-red-700" role="alert" data-field-error="partnerOrganizationIds">
              {partnerError}
            </p>
          ) : (
            <p className="text-xs text-slate-500">{t('hints.partnerOrganizationIds')}</p>
          )}
        </fieldset>
        <div className="mt-4 space-y-2">
          <div className="flex items-center justify-between">
            <span className="text-sm font-medium text-slate-700">{t('labels.partnerNames')}</span>
            <Button
              variant="secondary"
              data-testid="add-partner-name"
              onClick={() => setPartnerNames((r) => [...r, { key: newKey(), init: '' }])}
            >
              {t('addPartnerName')}
            </Button>
          </div>
          {partnerNames.length === 0 && <p className="text-xs text-slate-500">{t('hints.partnerNames')}</p>}
          {partnerNames.map((row, i) => (
            <div key={row.key} className="flex items-start gap-2" data-testid="partner-name-row">
              <Field
                label={<span className="sr-only">{t('partnerNameNo', { n: i + 1 })}</span>}
                name={`partnerNames.${i}`}
                error={e[`partnerNames.${i}`]}
                className="flex-1"
              >
                <TextInput
                  name={`partnerNames.${i}`}
                  defaultValue={row.init}
                  error={e[`partnerNames.${i}`]}
                  autoComplete="off"
                  placeholder={t('partnerNamePlaceholder')}
                />
              </Field>
              <Button
                variant="ghost"
                data-testid="remove-partner-name"
                onClick={() => setPartnerNames((r) => r.filter((x) => x.key !== row.key))}
              >
                {t('remove')}
              </Button>
            </div>
          ))}
        </div>
      </Card>

      <Card title={t('sections.content')}>
        <div className="space-y-4">
          {area('objectives')}
          {area('contentMethods', 10)}
          {area('applicationPlan')}
        </div>
      </Card>

      <Card
        title={<Label text={t('sections.products')} forSubmit />}
        actions={
          <Button
            variant="secondary"
            data-testid="add-product"
            onClick={() => setProducts((m) => [...m, { key: newKey(), init: EMPTY_PRODUCT }])}
          >
            {t('addProduct')}
          </Button>
        }
      >
        {products.length === 0 ? (
          <p className="text-sm text-slate-500">{t('noProducts')}</p>
        ) : (
          <ol className="space-y-3">
            {products.map((row, i) => {
              const p = `expectedProducts.${i}`;
              return (
                <li key={row.key} className="rounded-md border border-slate-200 p-3" data-testid="product-row">
                  <div className="mb-2 flex items-center justify-between">
                    <span className="text-sm font-medium text-slate-700">{t('productNo', { n: i + 1 })}</span>
                    <Button
                      variant="ghost"
                      data-testid="remove-product"
                      onClick={() => setProducts((m) => m.filter((x) => x.key !== row.key))}
                    >
                      {t('remove')}
                    </Button>
                  </div>
                  <div className="grid gap-3 sm:grid-cols-[2fr_1fr_8rem]">
                    <Field label={t('labels.productName')} name={`${p}.name`} error={e[`${p}.name`]} required>
                      <TextInput name={`${p}.name`} defaultValue={row.init.name} error={e[`${p}.name`]} autoComplete="off" />
                    </Field>
                    <Field label={t('labels.productKind')} name={`${p}.kind`} error={e[`${p}.kind`]} required>
                      <TextInput
                        name={`${p}.kind`}
                        defaultValue={row.init.kind}
                        error={e[`${p}.kind`]}
                        autoComplete="off"
                        placeholder={t('hints.productKind')}
                      />
                    </Field>
                    <Field label={t('labels.productQuantity')} name={`${p}.quantity`} error={e[`${p}.quantity`]} required>
                      <TextInput
                        name={`${p}.quantity`}
                        type="number"
                        min={1}
                        step={1}
                        inputMode="numeric"
                        defaultValue={row.init.quantity}
                        error={e[`${p}.quantity`]}
                      />
                    </Field>
                    <div className="sm:col-span-3">
                      <Field label={t('labels.productQuality')} name={`${p}.quality`} error={e[`${p}.quality`]} required>
                        <TextArea name={`${p}.quality`} rows={2} defaultValue={row.init.quality} error={e[`${p}.quality`]} />
                      </Field>
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        {e.expectedProducts && (
          <p className="mt-2 text-xs text-red-700" role="alert" data-field-error="expectedProducts">
            {e.expectedProducts}
          </p>
        )}
      </Card>

      <Card title={t('sections.budget')}>
        <div className="grid gap-4 sm:grid-cols-3">
          {moneyInput('budgetTotal', 'total', t('hints.budgetTotal'))}
          {moneyInput('budgetState', 'state')}
          {moneyInput('budgetOther', 'other')}
        </div>
        <p className="mt-2 text-sm text-slate-600" data-testid="budget-sum">
          {sum !== null ? t('budgetSum', { sum: formatVnd(sum) }) : t('hints.budgetSum')}
        </p>
        <div className="mt-4 grid gap-4 sm:grid-cols-3">
          {text('durationMonths', { type: 'number', forSubmit: true, inputMode: 'numeric', hint: t('hints.durationMonths') })}
          {text('proposedStart', { type: 'date', forSubmit: true })}
        </div>
      </Card>

      <div className="sticky bottom-0 space-y-2 border-t border-slate-200 bg-white/95 py-3 backdrop-blur">
        <FormError message={formError} />
        <div className="flex flex-wrap items-center justify-end gap-2">
          <Link href={task ? `/org/tasks/${task.id}` : '/org'} className={buttonClass('secondary')} data-testid="cancel-edit">
            {tAll('common.cancel')}
          </Link>
          <Button type="submit" disabled={pending} data-testid="save-draft">
            {pending ? tAll('common.saving') : t('saveDraft')}
          </Button>
        </div>
      </div>
    </form>
  );
}

function Label({ text, forSubmit }: { text: string; forSubmit?: boolean }) {
  const t = useTranslations('taskForm');
  return (
    <>
      {text}
      {forSubmit && (
        <span className="ml-1 text-xs font-normal text-brand-700" title={t('requiredForSubmit')} aria-hidden>
          ◆
        </span>
      )}
    </>
  );
}
