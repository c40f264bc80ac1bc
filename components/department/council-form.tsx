'use client';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { get, useFormContext } from 'react-hook-form';
import clsx from 'clsx';
import { formCouncilAction } from '@/lib/councils/actions';
import { compositionErrors, POSITIONS, type Ineligibility, type Position } from '@/lib/domain/council-rules';
import type { Settings } from '@/lib/domain/settings';
import { SubmitButton, TextField, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { inputClass } from '@/components/ui/field';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/councils/schemas');

export type PoolEvaluator = {
  id: string;
  name: string;
  email: string;
  field: string | null;
  expertise: string;
  affiliation: string;
  ineligible: Ineligibility | null;
};

type Bounds = Pick<Settings, 'councilSizeMin' | 'councilSizeMax' | 'councilSizeDefault'>;

// The composition check is the domain's own rule; the task's parties are checked by the server (the pool
// already says who is ineligible and why), so they are left out of this live preview.
const NO_PARTIES = { hostOrganizationId: '', partnerOrganizationIds: [], piEmail: null, piName: null, teamNames: [], recusedUserIds: [] };

/** Forms a council for one stage: pick evaluators from the pool with a position each, within the size bounds. */
export function CouncilForm({
  taskId,
  version,
  stage,
  pool,
  bounds,
}: {
  taskId: string;
  version: number;
  stage: 'PROPOSAL' | 'ACCEPTANCE';
  pool: PoolEvaluator[];
  bounds: Bounds;
}) {
  const t = useTranslations();
  const council = useZodForm({
    schema: () => schemas().then((m) => m.ZFormCouncil),
    action: formCouncilAction,
    defaultValues: { taskId, version, stage, meetingAt: '', members: [] as { userId: string; position: Position }[] },
  });
  return (
    <ZodForm {...council} testId="council-form" data={{ stage }}>
      <p className="text-sm text-slate-600">{t('deptCouncil.formIntro')}</p>
      <MemberPicker pool={pool} bounds={bounds} />
      <MeetingAtField testId="council-meeting-at" />
      <SubmitButton pendingLabel={t('deptCouncil.forming')} testId="council-submit">
        {t('deptCouncil.submit')}
      </SubmitButton>
    </ZodForm>
  );
}

/** The council's meeting time (optional), the same field on every council form. */
export function MeetingAtField({ testId }: { testId: string }) {
  const t = useTranslations('deptCouncil');
  return (
    <TextField
      name="meetingAt"
      label={t('meetingAt')}
      hint={t('meetingAtHint')}
      type="datetime-local"
      className="max-w-xs"
      testId={testId}
    />
  );
}

/**
 * The members of a council being formed (the form's `members` field): the evaluator pool with a position each,
 * who may not sit and why, and the composition so far against the department's rules.
 */
export function MemberPicker({ pool, bounds }: { pool: PoolEvaluator[]; bounds: Bounds }) {
  const t = useTranslations();
  const [filter, setFilter] = useState('');
  const { watch, setValue, formState } = useFormContext<{ members: { userId: string; position: Position }[] }>();
  const picked = (watch('members') ?? []) as { userId: string; position: Position }[];
  const setPicked = (next: { userId: string; position: Position }[]) => setValue('members', next);
  /** A field's message: the server's sentence, or the browser's catalog key in the user's language. */
  const messageOf = (name: string) => {
    const m = (get(formState.errors, name) as { message?: string } | undefined)?.message;
    return m ? (t.has(m) ? t(m) : m) : undefined;
  };

  const positionOf = (userId: string) => picked.find((p) => p.userId === userId)?.position;
  const toggle = (userId: string, on: boolean) =>
    setPicked(
      on ? [...picked.filter((p) => p.userId !== userId), { userId, position: 'MEMBER' }] : picked.filter((p) => p.userId !== userId),
    );
  const setPosition = (userId: string, position: Position) => setPicked(picked.map((p) => (p.userId === userId ? { ...p, position } : p)));

  const problems = new Set(
    compositionErrors(
      picked.map((p) => ({ ...p, name: '', email: '', organizationId: null })),
      NO_PARTIES,
      bounds,
    ).map((x) => x.code),
  );
  const count = (p: Position) => picked.filter((m) => m.position === p).length;
  const expected: Partial<Record<Position, { n: number; code: 'chairCount' | 'reviewerCount' | 'secretaryCount' }>> = {
    CHAIR: { n: 1, code: 'chairCount' },
    REVIEWER: { n: 2, code: 'reviewerCount' },
    SECRETARY: { n: 1, code: 'secretaryCount' },
  };
  const q = filter.trim().toLocaleLowerCase('vi');
  const visible = q
    ? pool.filter(
        (ev) => [ev.name, ev.email, ev.expertise, ev.affiliation].some((s) => s.toLocaleLowerCase('vi').includes(q)) || positionOf(ev.id),
      )
    : pool;
  const sizeOk = !problems.has('size');

  return (
    <div className="space-y-4">
      <div
        className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm"
        data-testid="council-composition"
      >
        <span
          className={clsx('font-medium', sizeOk ? 'text-emerald-800' : 'text-amber-900')}
          data-testid="council-count"
          data-count={picked.length}
        >
          {t('deptCouncil.count', {
            count: picked.length,
            min: bounds.councilSizeMin,
            max: bounds.councilSizeMax,
            usual: bounds.councilSizeDefault,
          })}
        </span>
        {POSITIONS.map((p) => {
          const exp = expected[p];
          const ok = !exp || !problems.has(exp.code);
          return (
            <span
              key={p}
              className={clsx(
                'rounded-full px-2 py-0.5 text-xs ring-1 ring-inset',
                ok ? 'bg-emerald-50 text-emerald-800 ring-emerald-200' : 'bg-amber-50 text-amber-900 ring-amber-200',
              )}
            >
              {exp
                ? t('deptCouncil.positionCountExpected', { position: t(`positions.${p}`), count: count(p), expected: exp.n })
                : t('deptCouncil.positionCount', { position: t(`positions.${p}`), count: count(p) })}
            </span>
          );
        })}
      </div>
      {messageOf('members') && (
        <p role="alert" className="text-sm text-red-700" data-field-error="members">
          {messageOf('members')}
        </p>
      )}
      <label className="block max-w-sm text-xs font-medium text-slate-600">
        {t('deptCouncil.filterPool')}
        <input
          type="search"
          value={filter}
          onChange={(ev) => setFilter(ev.target.value)}
          className={inputClass()}
          data-testid="council-pool-filter"
        />
      </label>
      <div className="max-h-[32rem] overflow-auto rounded-md border border-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="sticky top-0 bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th className="px-3 py-2">{t('deptCouncil.pick')}</th>
              <th className="px-3 py-2">{t('deptCouncil.evaluator')}</th>
              <th className="px-3 py-2">{t('deptCouncil.fieldExpertise')}</th>
              <th className="px-3 py-2">{t('deptCouncil.position')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="council-pool">
            {visible.map((ev) => {
              const position = positionOf(ev.id);
              const rowError = messageOf(`member.${ev.id}`);
              return (
                <tr
                  key={ev.id}
                  className={clsx(ev.ineligible && 'bg-slate-50 text-slate-500', position && 'bg-brand-50')}
                  data-testid={`pool-row-${ev.email}`}
                  data-user-id={ev.id}
                  data-ineligible={ev.ineligible ?? undefined}
                >
                  <td className="px-3 py-2 align-top">
                    <input
                      type="checkbox"
                      id={`pick-${ev.id}`}
                      checked={Boolean(position)}
                      disabled={Boolean(ev.ineligible)}
                      onChange={(x) => toggle(ev.id, x.target.checked)}
                      aria-label={t('deptCouncil.pickLabel', { name: ev.name })}
                      data-testid={`pick-${ev.email}`}
                      className="h-4 w-4"
                    />
                  </td>
                  <td className="px-3 py-2 align-top">
                    <label htmlFor={`pick-${ev.id}`} className="block font-medium">
                      {ev.name}
                    </label>
                    <span className="block text-xs text-slate-500">
                      {ev.affiliation}
                      {ev.affiliation && ' · '}
                      {ev.email}
                    </span>
                    {ev.ineligible && (
                      <span className="mt-1 block text-xs font-medium text-red-700" data-testid="ineligible-reason">
                        {t(`validation.ineligible.${ev.ineligible}`)}
                      </span>
                    )}
                    {rowError && (
                      <span role="alert" className="mt-1 block text-xs text-red-700" data-field-error={`member.${ev.id}`}>
                        {rowError}
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-2 align-top">
                    <span className="block">{ev.field ? t(`fields.${ev.field}`) : '—'}</span>
                    <span className="block text-xs text-slate-500">{ev.expertise}</span>
                  </td>
                  <td className="px-3 py-2 align-top">
                    <select
                      name={`position-${ev.id}`}
                      value={position ?? ''}
                      disabled={!position}
                      onChange={(x) => setPosition(ev.id, x.target.value as Position)}
                      aria-label={t('deptCouncil.positionLabel', { name: ev.name })}
                      data-testid={`position-${ev.email}`}
                      className={inputClass()}
                    >
                      {!position && <option value="">—</option>}
                      {POSITIONS.map((p) => (
                        <option key={p} value={p}>
                          {t(`positions.${p}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
