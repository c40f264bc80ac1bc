'use client';
import { useTranslations } from 'next-intl';
import clsx from 'clsx';
import type * as z from '@/lib/domain/zod';
import {
  acceptTaskAction,
  approveAppraisedAction,
  approveTaskAction,
  contractTaskAction,
  failTaskAction,
  rejectTaskAction,
  requireRevisionAction,
  returnTaskAction,
  startReviewAction,
  terminateTaskAction,
} from '@/lib/tasks/actions';
import type { ActionResult } from '@/lib/domain/action-result';
import { MoneyField, SubmitButton, TextAreaField, TextField, useZodForm, ZodForm } from '@/components/forms/zod-form';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/tasks/schemas');

export type TransitionKind =
  'return' | 'startReview' | 'approve' | 'reject' | 'requireRevision' | 'approveAppraised' | 'contract' | 'accept' | 'fail' | 'terminate';

type InputKind = 'text' | 'textarea' | 'date' | 'money' | 'months';
type FieldDef = { name: string; input: InputKind; required: boolean };

const f = (name: string, input: InputKind, required = true): FieldDef => ({ name, input, required });

type Config = {
  schema: () => Promise<z.core.$ZodType>;
  /** Any of the task actions: each takes its own schema's input, built here from the fields below. */
  action: (input: never) => Promise<ActionResult<unknown>>;
  fields: FieldDef[];
  variant: 'primary' | 'secondary' | 'danger';
};

const CONFIG: Record<TransitionKind, Config> = {
  return: {
    schema: () => schemas().then((m) => m.ZReturn),
    action: returnTaskAction,
    fields: [f('comment', 'textarea')],
    variant: 'secondary',
  },
  startReview: { schema: () => schemas().then((m) => m.ZTaskRef), action: startReviewAction, fields: [], variant: 'primary' },
  approve: {
    schema: () => schemas().then((m) => m.ZApprove),
    action: approveTaskAction,
    variant: 'primary',
    fields: [
      f('decisionNo', 'text'),
      f('decisionDate', 'date'),
      f('approvedBudget', 'money'),
      f('approvedDurationMonths', 'months'),
      f('note', 'textarea', false),
    ],
  },
  reject: {
    schema: () => schemas().then((m) => m.ZReject),
    action: rejectTaskAction,
    fields: [f('reason', 'textarea')],
    variant: 'danger',
  },
  requireRevision: {
    schema: () => schemas().then((m) => m.ZRequireRevision),
    action: requireRevisionAction,
    fields: [f('note', 'textarea')],
    variant: 'secondary',
  },
  approveAppraised: {
    schema: () => schemas().then((m) => m.ZApproveAppraised),
    action: approveAppraisedAction,
    variant: 'primary',
    fields: [f('decisionNo', 'text'), f('decisionDate', 'date'), f('note', 'textarea', false)],
  },
  contract: {
    schema: () => schemas().then((m) => m.ZContract),
    action: contractTaskAction,
    variant: 'primary',
    fields: [f('contractNo', 'text'), f('signedAt', 'date'), f('startDate', 'date'), f('endDate', 'date'), f('fundedAmount', 'money')],
  },
  accept: {
    schema: () => schemas().then((m) => m.ZAcceptanceDecision),
    action: acceptTaskAction,
    fields: [f('decisionNo', 'text'), f('decisionDate', 'date'), f('note', 'textarea', false)],
    variant: 'primary',
  },
  fail: {
    schema: () => schemas().then((m) => m.ZFail),
    action: failTaskAction,
    fields: [f('decisionNo', 'text'), f('decisionDate', 'date'), f('note', 'textarea')],
    variant: 'danger',
  },
  terminate: {
    schema: () => schemas().then((m) => m.ZTerminate),
    action: terminateTaskAction,
    fields: [f('reason', 'textarea')],
    variant: 'danger',
  },
};

/**
 * One status change of a task as a small form: the same zod schema as the server, the version the page loaded
 * (a stale one comes back as "this task has changed, reload" in the form error), and a refresh on success.
 */
export function TransitionForm({
  kind,
  taskId,
  version,
  defaults = {},
  disabled,
}: {
  kind: TransitionKind;
  taskId: string;
  version: number;
  defaults?: Record<string, string>;
  disabled?: boolean;
}) {
  const t = useTranslations(`deptDecisions.${kind}`);
  const config = CONFIG[kind];
  const decision = useZodForm({
    schema: config.schema,
    action: config.action as (input: unknown) => Promise<ActionResult<unknown>>,
    defaultValues: { ...Object.fromEntries(config.fields.map((d) => [d.name, defaults[d.name] ?? ''])), taskId, version },
  });
  return (
    <ZodForm {...decision} testId={`decision-${kind}`} className="space-y-3" idPrefix={`${kind}-`}>
      <div>
        <h3 className={clsx('text-sm font-semibold', config.variant === 'danger' ? 'text-red-800' : 'text-slate-900')}>{t('title')}</h3>
        <p className="mt-0.5 text-xs text-slate-600">{t('hint')}</p>
      </div>
      <div className={clsx('grid gap-3', config.fields.length > 2 && 'sm:grid-cols-2')}>
        {config.fields.map((def) => {
          const common = { name: def.name, label: t(`fields.${def.name}`), required: def.required };
          if (def.input === 'textarea') return <TextAreaField key={def.name} {...common} className="sm:col-span-2" />;
          if (def.input === 'money') return <MoneyField key={def.name} {...common} />;
          if (def.input === 'months') return <TextField key={def.name} {...common} type="number" min={1} max={60} inputMode="numeric" />;
          return <TextField key={def.name} {...common} type={def.input === 'date' ? 'date' : 'text'} />;
        })}
      </div>
      <SubmitButton variant={config.variant} disabled={disabled} pendingLabel={t('pending')} testId={`decision-${kind}-submit`}>
        {t('submit')}
      </SubmitButton>
    </ZodForm>
  );
}
