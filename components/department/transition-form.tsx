'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import clsx from 'clsx';
import type { z } from 'zod';
import { ZAcceptanceDecision, ZApprove, ZContract, ZFail, ZReject, ZReturn, ZTaskRef, ZTerminate } from '@/lib/tasks/schemas';
import {
  acceptTaskAction,
  approveTaskAction,
  contractTaskAction,
  failTaskAction,
  rejectTaskAction,
  returnTaskAction,
  startReviewAction,
  terminateTaskAction,
} from '@/lib/tasks/actions';
import type { ActionResult } from '@/lib/server/action-result';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormError } from '@/components/forms/form-error';
import { Field, TextArea, TextInput } from '@/components/ui/field';
import { Button } from '@/components/ui/button';

export type TransitionKind = 'return' | 'startReview' | 'approve' | 'reject' | 'contract' | 'accept' | 'fail' | 'terminate';

type InputKind = 'text' | 'textarea' | 'date' | 'money' | 'months';
type FieldDef = { name: string; input: InputKind; required: boolean };

const f = (name: string, input: InputKind, required = true): FieldDef => ({ name, input, required });

const CONFIG: Record<
  TransitionKind,
  {
    schema: z.ZodType;
    action: (input: unknown) => Promise<ActionResult<unknown>>;
    fields: FieldDef[];
    variant: 'primary' | 'secondary' | 'danger';
  }
> = {
  return: { schema: ZReturn, action: returnTaskAction, fields: [f('comment', 'textarea')], variant: 'secondary' },
  startReview: { schema: ZTaskRef, action: startReviewAction, fields: [], variant: 'primary' },
  approve: {
    schema: ZApprove,
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
  reject: { schema: ZReject, action: rejectTaskAction, fields: [f('reason', 'textarea')], variant: 'danger' },
  contract: {
    schema: ZContract,
    action: contractTaskAction,
    variant: 'primary',
    fields: [f('contractNo', 'text'), f('signedAt', 'date'), f('startDate', 'date'), f('endDate', 'date'), f('fundedAmount', 'money')],
  },
  accept: {
    schema: ZAcceptanceDecision,
    action: acceptTaskAction,
    fields: [f('decisionNo', 'text'), f('decisionDate', 'date'), f('note', 'textarea', false)],
    variant: 'primary',
  },
  fail: {
    schema: ZFail,
    action: failTaskAction,
    fields: [f('decisionNo', 'text'), f('decisionDate', 'date'), f('note', 'textarea')],
    variant: 'danger',
  },
  terminate: { schema: ZTerminate, action: terminateTaskAction, fields: [f('reason', 'textarea')], variant: 'danger' },
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
  const router = useRouter();
  const config = CONFIG[kind];
  const {
    onSubmit,
    fieldErrors: e,
    formError,
    pending,
  } = useActionForm(config.schema, config.action, {
    toInput: (form) => ({ ...Object.fromEntries(new FormData(form)), taskId, version }),
    onSuccess: () => router.refresh(),
  });
  const id = (name: string) => `${kind}-${name}`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid={`decision-${kind}`}>
      <div>
        <h3 className={clsx('text-sm font-semibold', config.variant === 'danger' ? 'text-red-800' : 'text-slate-900')}>{t('title')}</h3>
        <p className="mt-0.5 text-xs text-slate-600">{t('hint')}</p>
      </div>
      <div className={clsx('grid gap-3', config.fields.length > 2 && 'sm:grid-cols-2')}>
        {config.fields.map((def) => {
          const common = {
            name: def.name,
            id: id(def.name),
            error: e[def.name],
            defaultValue: defaults[def.name] ?? '',
            'aria-describedby': e[def.name] ? `${id(def.name)}-error` : undefined,
          };
          return (
            <Field
              key={def.name}
              label={t(`fields.${def.name}`)}
              name={id(def.name)}
              error={e[def.name]}
              required={def.required}
              className={def.input === 'textarea' ? 'sm:col-span-2' : undefined}
            >
              {def.input === 'textarea' ? (
                <TextArea {...common} rows={3} />
              ) : def.input === 'money' ? (
                <TextInput {...common} inputMode="numeric" placeholder="1.250.000.000" />
              ) : def.input === 'months' ? (
                <TextInput {...common} type="number" min={1} max={60} inputMode="numeric" />
              ) : (
                <TextInput {...common} type={def.input === 'date' ? 'date' : 'text'} />
              )}
            </Field>
          );
        })}
      </div>
      <FormError message={formError} />
      <Button type="submit" variant={config.variant} disabled={pending || disabled} data-testid={`decision-${kind}-submit`}>
        {pending ? t('pending') : t('submit')}
      </Button>
    </form>
  );
}
