'use client';
import { useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ZSettings, type Settings } from '@/lib/domain/settings';
import { updateSettingsAction } from '@/lib/settings/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormError } from '@/components/forms/form-error';
import { Field, Select, TextInput } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';

type CriterionRow = { id: number; key: string; labelVi: string; labelEn: string; max: string };
type DayRow = { id: number; value: string };

let nextId = 0;
const newId = () => ++nextId;

function Section({ title, hint, children, testId }: { title: string; hint?: string; children: ReactNode; testId?: string }) {
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <legend className="px-1 text-sm font-semibold text-slate-900">{title}</legend>
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
      {children}
    </fieldset>
  );
}

/** Every configurable rule of the department (ZSettings), saved as one object. */
export function SettingsForm({ initial }: { initial: Settings }) {
  const t = useTranslations('deptSettings');
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const [criteria, setCriteria] = useState<CriterionRow[]>(() => initial.criteria.map((c) => ({ id: newId(), ...c, max: String(c.max) })));
  const [days, setDays] = useState<DayRow[]>(() => initial.reportDueDays.map((value) => ({ id: newId(), value })));
  const {
    onSubmit,
    fieldErrors: e,
    formError,
    pending,
  } = useActionForm(ZSettings, updateSettingsAction, {
    toInput: (form) => {
      const fd = new FormData(form);
      const v = (k: string) => String(fd.get(k) ?? '');
      return {
        councilSizeMin: v('councilSizeMin'),
        councilSizeDefault: v('councilSizeDefault'),
        councilSizeMax: v('councilSizeMax'),
        quorumNumerator: v('quorumNumerator'),
        quorumDenominator: v('quorumDenominator'),
        passMark: v('passMark'),
        criteria: criteria.map(({ key, labelVi, labelEn, max }) => ({ key, labelVi, labelEn, max })),
        gradeNumerator: v('gradeNumerator'),
        gradeDenominator: v('gradeDenominator'),
        lateDowngrade: (form.elements.namedItem('lateDowngrade') as HTMLInputElement).checked,
        ballotVisibility: v('ballotVisibility'),
        reportDueDays: days.map((d) => d.value.trim()),
        reminderDaysBefore: v('reminderDaysBefore'),
        extensionMinDaysBeforeEnd: v('extensionMinDaysBeforeEnd'),
        acceptanceDueDays: v('acceptanceDueDays'),
        uploadMaxMb: v('uploadMaxMb'),
      };
    },
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });

  const num = (name: keyof Settings, min: number, max: number, extra: { hint?: string } = {}) => (
    <Field label={t(`fields.${name}`)} name={name} error={e[name]} hint={extra.hint} required>
      <TextInput
        name={name}
        type="number"
        min={min}
        max={max}
        inputMode="numeric"
        defaultValue={String(initial[name])}
        error={e[name]}
        data-testid={`settings-${name}`}
      />
    </Field>
  );
  const fraction = (n: 'quorumNumerator' | 'gradeNumerator', d: 'quorumDenominator' | 'gradeDenominator', label: string, hint: string) => (
    <div className="space-y-1">
      <p className="text-sm font-medium text-slate-700">{label}</p>
      <div className="flex items-center gap-2">
        <TextInput
          name={n}
          type="number"
          min={1}
          max={20}
          inputMode="numeric"
          defaultValue={String(initial[n])}
          error={e[n]}
          aria-label={t(`fields.${n}`)}
          data-testid={`settings-${n}`}
        />
        <span aria-hidden className="text-lg text-slate-500">
          /
        </span>
        <TextInput
          name={d}
          type="number"
          min={1}
          max={20}
          inputMode="numeric"
          defaultValue={String(initial[d])}
          error={e[d]}
          aria-label={t(`fields.${d}`)}
          data-testid={`settings-${d}`}
        />
      </div>
      {!e[n] && !e[d] && <p className="text-xs text-slate-500">{hint}</p>}
      {(e[n] || e[d]) && (
        <p role="alert" className="text-xs text-red-700" data-field-error={e[n] ? n : d}>
          {e[n] ?? e[d]}
        </p>
      )}
    </div>
  );
  const setCriterion = (id: number, patch: Partial<CriterionRow>) =>
    setCriteria((cur) => cur.map((c) => (c.id === id ? { ...c, ...patch } : c)));
  const total = criteria.reduce((a, c) => a + (Number.parseInt(c.max, 10) || 0), 0);

  return (
    <form onSubmit={onSubmit} onChange={() => setSaved(false)} noValidate className="space-y-6" data-testid="settings-form">
      <Section title={t('councilSection')} hint={t('councilHint')}>
        <div className="grid gap-4 sm:grid-cols-3">
          {num('councilSizeMin', 3, 15)}
          {num('councilSizeDefault', 3, 21)}
          {num('councilSizeMax', 3, 21)}
        </div>
        <div className="max-w-xs">{fraction('quorumNumerator', 'quorumDenominator', t('quorum'), t('quorumHint'))}</div>
        <Field label={t('fields.ballotVisibility')} name="ballotVisibility" error={e.ballotVisibility} required className="max-w-lg">
          <Select
            name="ballotVisibility"
            defaultValue={initial.ballotVisibility}
            error={e.ballotVisibility}
            data-testid="settings-ballotVisibility"
          >
            <option value="AFTER_OWN_SUBMIT">{t('ballotVisibility.AFTER_OWN_SUBMIT')}</option>
            <option value="AFTER_CLOSE">{t('ballotVisibility.AFTER_CLOSE')}</option>
          </Select>
        </Field>
      </Section>

      <Section title={t('proposalSection')} hint={t('proposalHint')} testId="settings-criteria">
        <div className="max-w-xs">{num('passMark', 1, 100, { hint: t('passMarkHint', { total }) })}</div>
        {e.criteria && (
          <p role="alert" className="text-sm text-red-700" data-field-error="criteria">
            {e.criteria}
          </p>
        )}
        <div className="space-y-3">
          {criteria.map((c, i) => (
            <div
              key={c.id}
              className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[10rem_1fr_1fr_7rem_auto]"
              data-testid="criterion-row"
            >
              {(['key', 'labelVi', 'labelEn', 'max'] as const).map((k) => {
                const name = `criteria.${i}.${k}`;
                return (
                  <Field key={k} label={t(`criterion.${k}`)} name={name} error={e[name]} required>
                    <TextInput
                      name={name}
                      value={c[k]}
                      error={e[name]}
                      onChange={(x) => setCriterion(c.id, { [k]: x.target.value })}
                      {...(k === 'max' ? { type: 'number', min: 1, max: 100, inputMode: 'numeric' as const } : {})}
                      data-testid={`criterion-${k}`}
                    />
                  </Field>
                );
              })}
              <div className="flex items-end">
                <Button
                  variant="ghost"
                  disabled={criteria.length <= 1}
                  onClick={() => setCriteria((cur) => cur.filter((x) => x.id !== c.id))}
                  data-testid="criterion-remove"
                >
                  {t('remove')}
                </Button>
              </div>
            </div>
          ))}
        </div>
        <Button
          variant="secondary"
          disabled={criteria.length >= 10}
          onClick={() => setCriteria((cur) => [...cur, { id: newId(), key: '', labelVi: '', labelEn: '', max: '' }])}
          data-testid="criterion-add"
        >
          {t('addCriterion')}
        </Button>
      </Section>

      <Section title={t('acceptanceSection')} hint={t('acceptanceHint')}>
        <div className="max-w-xs">{fraction('gradeNumerator', 'gradeDenominator', t('grade'), t('gradeHint'))}</div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="lateDowngrade"
            defaultChecked={initial.lateDowngrade}
            className="h-4 w-4"
            data-testid="settings-lateDowngrade"
          />
          {t('fields.lateDowngrade')}
        </label>
        <div className="max-w-xs">{num('acceptanceDueDays', 1, 365, { hint: t('acceptanceDueDaysHint') })}</div>
      </Section>

      <Section title={t('reportsSection')} hint={t('reportsHint')} testId="settings-report-days">
        {e.reportDueDays && (
          <p role="alert" className="text-sm text-red-700" data-field-error="reportDueDays">
            {e.reportDueDays}
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          {days.map((d, i) => {
            const name = `reportDueDays.${i}`;
            return (
              <div key={d.id} className="flex items-end gap-1">
                <Field label={t('reportDay', { n: i + 1 })} name={name} error={e[name]} className="w-32">
                  <TextInput
                    name={name}
                    value={d.value}
                    placeholder="03-15"
                    error={e[name]}
                    onChange={(x) => setDays((cur) => cur.map((y) => (y.id === d.id ? { ...y, value: x.target.value } : y)))}
                    data-testid="report-day"
                  />
                </Field>
                <Button
                  variant="ghost"
                  disabled={days.length <= 1}
                  onClick={() => setDays((cur) => cur.filter((y) => y.id !== d.id))}
                  aria-label={t('removeDay', { n: i + 1 })}
                  data-testid="report-day-remove"
                >
                  ×
                </Button>
              </div>
            );
          })}
        </div>
        <Button
          variant="secondary"
          disabled={days.length >= 12}
          onClick={() => setDays((cur) => [...cur, { id: newId(), value: '' }])}
          data-testid="report-day-add"
        >
          {t('addReportDay')}
        </Button>
        <div className="grid gap-4 sm:grid-cols-2">
          {num('reminderDaysBefore', 1, 90)}
          {num('extensionMinDaysBeforeEnd', 0, 365)}
        </div>
      </Section>

      <Section title={t('filesSection')}>
        <div className="max-w-xs">{num('uploadMaxMb', 1, 200)}</div>
      </Section>

      {saved && <Alert tone="success">{t('saved')}</Alert>}
      <FormError message={formError} />
      <Button type="submit" disabled={pending} data-testid="settings-submit">
        {pending ? t('saving') : t('save')}
      </Button>
    </form>
  );
}
