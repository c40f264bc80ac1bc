'use client';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { REQUIRED_TO_SUBMIT } from '@/lib/tasks/required';
import { createDraftAction, submitTaskAction, updateDraftAction } from '@/lib/tasks/actions';
import type { TaskFormValues } from '@/lib/tasks/form-values';
import type { TaskFormPage } from '@/lib/tasks/loaders';
import { isEnterpriseSupport, SCIENCE_FIELDS, TASK_TYPES } from '@/lib/domain/task-status';
import { formatVnd, readMoney } from '@/lib/domain/money';
import { useProblemsOnFields, useSaveAndSubmit } from '@/components/forms/save-and-submit';
import {
  MoneyField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useFieldError,
  useZodForm,
  ZodForm,
} from '@/components/forms/zod-form';
import { Button, buttonClass } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { ProgramSelect } from '@/components/programs/program-select';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/tasks/schemas');

const EMPTY_MEMBER = { name: '', degree: '', role: '', organization: '' };
const EMPTY_PRODUCT = { name: '', kind: '', quantity: '', quality: '' };
const NEEDED: ReadonlySet<string> = new Set(REQUIRED_TO_SUBMIT);

/** The proposal form, for a new task and for editing a draft or a returned proposal. Saves a draft at any point. */
export function TaskForm({ page }: { page: TaskFormPage }) {
  return page.task ? <EditTaskForm page={page} task={page.task} /> : <NewTaskForm page={page} />;
}

function NewTaskForm({ page }: { page: TaskFormPage }) {
  const draft = useZodForm({
    schema: () => schemas().then((m) => m.ZCreateTask),
    action: createDraftAction,
    defaultValues: page.initial,
    onSuccess: (data) => `/org/tasks/${data.taskId}`,
  });
  return (
    <ZodForm {...draft} className="space-y-6" testId="task-form">
      <TaskFields page={page} />
      <Buttons cancel="/org" />
    </ZodForm>
  );
}

/**
 * Editing: "save draft" checks a draft's rules; "save and submit" checks ZReadyToSubmit in the browser, saves, then
 * submits, and any field the server still finds missing lands on that field. Opened from a refused submission
 * (`page.problems`), the form shows what is missing on its fields at once.
 */
function EditTaskForm({ page, task }: { page: TaskFormPage; task: NonNullable<TaskFormPage['task']> }) {
  const saving = useSaveAndSubmit({
    pageOf: (saved: { taskId: string; version: number }) => `/org/tasks/${saved.taskId}`,
    submit: (saved) => submitTaskAction({ taskId: saved.taskId, version: saved.version }),
  });
  const edit = useZodForm({
    schema: () => schemas().then((m) => m.ZUpdateTask),
    browserSchema: () => schemas().then((m) => (saving.submitting.current ? m.ZReadyToSubmit : m.ZUpdateTask)),
    action: updateDraftAction,
    defaultValues: { ...page.initial, taskId: task.id, version: task.version },
    onSuccess: saving.onSuccess,
  });
  const t = useTranslations('taskForm');
  useProblemsOnFields(edit.form, page.problems);
  return (
    <ZodForm {...edit} className="space-y-6" testId="task-form">
      {Object.keys(page.problems).length > 0 && (
        <Alert tone="warning">
          <span data-testid="submission-problems">{t('problemsIntro')}</span>
        </Alert>
      )}
      <TaskFields page={page} />
      <Buttons cancel={`/org/tasks/${task.id}`} onSubmitMode={saving.setSubmitting} canSubmit />
    </ZodForm>
  );
}

function Buttons({ cancel, canSubmit, onSubmitMode }: { cancel: string; canSubmit?: boolean; onSubmitMode?: (on: boolean) => void }) {
  const t = useTranslations();
  return (
    <div className="sticky bottom-0 space-y-2 border-t border-slate-200 bg-white/95 py-3 backdrop-blur">
      <MissingAttachments />
      <div className="flex flex-wrap items-center justify-end gap-2">
        <Link href={cancel} className={buttonClass('secondary')} data-testid="cancel-edit">
          {t('common.cancel')}
        </Link>
        <SubmitButton
          variant={canSubmit ? 'secondary' : 'primary'}
          onClick={() => onSubmitMode?.(false)}
          pendingLabel={t('common.saving')}
          testId="save-draft"
        >
          {t('taskForm.saveDraft')}
        </SubmitButton>
        {canSubmit && (
          <SubmitButton onClick={() => onSubmitMode?.(true)} testId="save-and-submit">
            {t('taskForm.saveAndSubmit')}
          </SubmitButton>
        )}
      </div>
    </div>
  );
}

/** The detailed proposal is a file, not a field of the form: when a submission misses it, it is said here. */
function MissingAttachments() {
  const t = useTranslations('attachments.kinds');
  const message = useFieldError('attachments');
  return message ? (
    <p role="alert" className="text-sm text-red-700" data-field-error="attachments">
      {t('PROPOSAL_DOC')}: {message}
    </p>
  ) : null;
}

function Label({ name, text, needed }: { name: string; text: string; needed?: boolean }) {
  const t = useTranslations('taskForm');
  return (
    <>
      {text}
      {(needed ?? NEEDED.has(name)) && (
        <span className="ml-1 text-xs font-normal text-brand-700" title={t('requiredForSubmit')} aria-hidden>
          ◆
        </span>
      )}
    </>
  );
}

function TaskFields({ page }: { page: TaskFormPage }) {
  const t = useTranslations('taskForm');
  const tAll = useTranslations();
  const label = (name: string) => <Label name={name} text={t(`labels.${name}`)} />;
  // A dossier for a listed task answers that task's notice and belongs to its program: neither is chosen separately.
  const { watch } = useFormContext<TaskFormValues>();
  const listedTaskId = watch('listedTaskId');
  const enterprise = isEnterpriseSupport(watch('type'));
  const text = (name: keyof TaskFormValues, extra: { type?: string; hint?: string; inputMode?: 'numeric' | 'email' | 'tel' } = {}) => (
    <TextField
      name={name}
      label={label(name)}
      type={extra.type ?? 'text'}
      hint={extra.hint}
      inputMode={extra.inputMode}
      autoComplete="off"
    />
  );
  const area = (name: 'objectives' | 'contentMethods' | 'applicationPlan', rows = 6) => (
    <TextAreaField name={name} label={label(name)} hint={t(`hints.${name}`)} rows={rows} />
  );
  return (
    <>
      <Alert>{t('intro')}</Alert>

      <Card title={t('sections.general')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextAreaField name="title" label={t('labels.title')} required hint={t('hints.title')} rows={2} className="sm:col-span-2" />
          <SelectField
            name="type"
            label={label('type')}
            placeholder={t('choose')}
            options={TASK_TYPES.map((v) => ({ value: v, label: tAll(`taskTypes.${v}`) }))}
          />
          <SelectField
            name="field"
            label={label('field')}
            placeholder={t('choose')}
            options={SCIENCE_FIELDS.map((v) => ({ value: v, label: tAll(`fields.${v}`) }))}
          />
          {page.listedTasks.length > 0 && (
            <SelectField
              name="listedTaskId"
              label={t('labels.listedTaskId')}
              hint={t('hints.listedTaskId')}
              className="sm:col-span-2"
              placeholder={t('noListedTask')}
              testId="task-listed"
              options={page.listedTasks.map((l) => ({
                value: l.id,
                label: t('listedOption', { code: l.code ?? '', title: l.title, notice: l.call?.title ?? '' }),
              }))}
            />
          )}
          {!listedTaskId && (
            <SelectField
              name="callId"
              label={t('labels.callId')}
              hint={t('hints.callId')}
              className="sm:col-span-2"
              placeholder={t('noCall')}
              options={page.calls.map((c) => ({
                value: c.id,
                label: t(`callOption.${c.state}`, {
                  title: c.title,
                  closes: c.closes,
                  opens: c.opens,
                }),
              }))}
            />
          )}
          {listedTaskId ? (
            <p className="text-sm text-slate-600 sm:col-span-2" data-testid="task-program-inherited">
              {t('hints.programFromListedTask')}
            </p>
          ) : (
            <ProgramSelect programs={page.programs} className="sm:col-span-2" testId="task-program" />
          )}
        </div>
      </Card>

      {enterprise && (
        <Card title={t('sections.enterprise')}>
          <div className="grid gap-4 sm:grid-cols-2" data-testid="enterprise-support">
            <TextField
              name="beneficiaryEnterprise"
              label={<Label name="beneficiaryEnterprise" text={t('labels.beneficiaryEnterprise')} needed />}
              hint={t('hints.beneficiaryEnterprise')}
              autoComplete="off"
            />
            <MoneyField
              name="supportAmount"
              label={<Label name="supportAmount" text={t('labels.supportAmount')} needed />}
              hint={t('hints.supportAmount')}
            />
          </div>
        </Card>
      )}

      <Card title={t('sections.pi')}>
        <div className="grid gap-4 sm:grid-cols-2">
          {text('piName')}
          {text('piDegree', { hint: t('hints.piDegree') })}
          {text('piTitle', { hint: t('hints.piTitle') })}
          {text('piEmail', { type: 'email', inputMode: 'email' })}
          {text('piPhone', { type: 'tel', inputMode: 'tel' })}
        </div>
      </Card>

      <KeyMembers />
      <Partners organizations={page.organizations} />

      <Card title={t('sections.content')}>
        <div className="space-y-4">
          {area('objectives')}
          {area('contentMethods', 10)}
          {area('applicationPlan')}
        </div>
      </Card>

      <Products />

      <Card title={t('sections.budget')}>
        <div className="grid gap-4 sm:grid-cols-3">
          <MoneyField name="budgetTotal" label={label('budgetTotal')} hint={t('hints.budgetTotal')} />
          <MoneyField name="budgetState" label={label('budgetState')} />
          <MoneyField name="budgetOther" label={label('budgetOther')} />
        </div>
        <BudgetSum />
        <div className="mt-4 grid gap-4 sm:grid-cols-3">
          {text('durationMonths', { type: 'number', inputMode: 'numeric', hint: t('hints.durationMonths') })}
          {text('proposedStart', { type: 'date' })}
        </div>
      </Card>
    </>
  );
}

/** State budget plus other sources, as typed, so the total can be checked before saving. */
function BudgetSum() {
  const t = useTranslations('taskForm');
  const { watch } = useFormContext<TaskFormValues>();
  const parsed = (v: string) => {
    const r = readMoney(v);
    return r.ok ? r.amount : null;
  };
  const state = parsed(watch('budgetState') ?? '');
  const otherRaw = watch('budgetOther') ?? '';
  const other = otherRaw.trim() === '' ? 0n : parsed(otherRaw);
  const sum = state !== null && other !== null ? state + other : null;
  return (
    <p className="mt-2 text-sm text-slate-600" data-testid="budget-sum">
      {sum !== null ? t('budgetSum', { sum: formatVnd(sum) }) : t('hints.budgetSum')}
    </p>
  );
}

function ListMessage({ name }: { name: string }) {
  const message = useFieldError(name);
  return message ? (
    <p className="mt-2 text-xs text-red-700" role="alert" data-field-error={name}>
      {message}
    </p>
  ) : null;
}

function RowHeader({ title, onRemove, testId }: { title: string; onRemove: () => void; testId: string }) {
  const t = useTranslations('taskForm');
  return (
    <div className="mb-2 flex items-center justify-between">
      <span className="text-sm font-medium text-slate-700">{title}</span>
      <Button variant="ghost" data-testid={testId} onClick={onRemove}>
        {t('remove')}
      </Button>
    </div>
  );
}

function KeyMembers() {
  const t = useTranslations('taskForm');
  const rows = useFieldArray<TaskFormValues, 'keyMembers'>({ name: 'keyMembers' });
  return (
    <Card
      title={t('sections.keyMembers')}
      actions={
        <Button variant="secondary" data-testid="add-key-member" onClick={() => rows.append({ ...EMPTY_MEMBER })}>
          {t('addKeyMember')}
        </Button>
      }
    >
      {rows.fields.length === 0 ? (
        <p className="text-sm text-slate-500">{t('noKeyMembers')}</p>
      ) : (
        <ol className="space-y-3">
          {rows.fields.map((row, i) => (
            <li key={row.id} className="rounded-md border border-slate-200 p-3" data-testid="key-member-row">
              <RowHeader title={t('memberNo', { n: i + 1 })} onRemove={() => rows.remove(i)} testId="remove-key-member" />
              <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
                <TextField name={`keyMembers.${i}.name`} label={t('labels.memberName')} required autoComplete="off" />
                <TextField name={`keyMembers.${i}.degree`} label={t('labels.memberDegree')} autoComplete="off" />
                <TextField
                  name={`keyMembers.${i}.role`}
                  label={t('labels.memberRole')}
                  required
                  autoComplete="off"
                  placeholder={t('hints.memberRole')}
                />
                <TextField name={`keyMembers.${i}.organization`} label={t('labels.memberOrganization')} autoComplete="off" />
              </div>
            </li>
          ))}
        </ol>
      )}
      <ListMessage name="keyMembers" />
    </Card>
  );
}

function Products() {
  const t = useTranslations('taskForm');
  const rows = useFieldArray<TaskFormValues, 'expectedProducts'>({ name: 'expectedProducts' });
  return (
    <Card
      title={<Label name="expectedProducts" text={t('sections.products')} />}
      actions={
        <Button variant="secondary" data-testid="add-product" onClick={() => rows.append({ ...EMPTY_PRODUCT })}>
          {t('addProduct')}
        </Button>
      }
    >
      {rows.fields.length === 0 ? (
        <p className="text-sm text-slate-500">{t('noProducts')}</p>
      ) : (
        <ol className="space-y-3">
          {rows.fields.map((row, i) => (
            <li key={row.id} className="rounded-md border border-slate-200 p-3" data-testid="product-row">
              <RowHeader title={t('productNo', { n: i + 1 })} onRemove={() => rows.remove(i)} testId="remove-product" />
              <div className="grid gap-3 sm:grid-cols-[2fr_1fr_8rem]">
                <TextField name={`expectedProducts.${i}.name`} label={t('labels.productName')} required autoComplete="off" />
                <TextField
                  name={`expectedProducts.${i}.kind`}
                  label={t('labels.productKind')}
                  required
                  autoComplete="off"
                  placeholder={t('hints.productKind')}
                />
                <TextField
                  name={`expectedProducts.${i}.quantity`}
                  label={t('labels.productQuantity')}
                  required
                  type="number"
                  min={1}
                  step={1}
                  inputMode="numeric"
                />
                <TextAreaField
                  name={`expectedProducts.${i}.quality`}
                  label={t('labels.productQuality')}
                  required
                  rows={2}
                  className="sm:col-span-3"
                />
              </div>
            </li>
          ))}
        </ol>
      )}
      <ListMessage name="expectedProducts" />
    </Card>
  );
}

function Partners({ organizations }: { organizations: TaskFormPage['organizations'] }) {
  const t = useTranslations('taskForm');
  const { register, watch, setValue } = useFormContext<TaskFormValues>();
  const partnerError = useFieldError('partnerOrganizationIds');
  const names = watch('partnerNames') ?? [];
  return (
    <Card title={t('sections.partners')}>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t('labels.partnerOrganizationIds')}</legend>
        {organizations.length === 0 ? (
          <p className="text-sm text-slate-500">{t('noOrganizations')}</p>
        ) : (
          <div className="max-h-56 overflow-y-auto rounded-md border border-slate-200 p-2" data-testid="partner-organizations">
            {organizations.map((o) => (
              <label key={o.id} className="flex items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50">
                <input type="checkbox" value={o.id} {...register('partnerOrganizationIds')} className="h-4 w-4 rounded border-slate-300" />
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
          <Button variant="secondary" data-testid="add-partner-name" onClick={() => setValue('partnerNames', [...names, ''])}>
            {t('addPartnerName')}
          </Button>
        </div>
        {names.length === 0 && <p className="text-xs text-slate-500">{t('hints.partnerNames')}</p>}
        {names.map((_, i) => (
          <PartnerName
            key={i}
            index={i}
            onRemove={() =>
              setValue(
                'partnerNames',
                names.filter((_n, j) => j !== i),
              )
            }
          />
        ))}
      </div>
    </Card>
  );
}

function PartnerName({ index, onRemove }: { index: number; onRemove: () => void }): ReactNode {
  const t = useTranslations('taskForm');
  return (
    <div className="flex items-start gap-2" data-testid="partner-name-row">
      <TextField
        name={`partnerNames.${index}`}
        label={<span className="sr-only">{t('partnerNameNo', { n: index + 1 })}</span>}
        className="flex-1"
        autoComplete="off"
        placeholder={t('partnerNamePlaceholder')}
      />
      <Button variant="ghost" data-testid="remove-partner-name" onClick={onRemove}>
        {t('remove')}
      </Button>
    </div>
  );
}
