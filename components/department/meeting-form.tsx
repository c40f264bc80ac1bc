'use client';
import { useFormContext } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { recordMeetingAction } from '@/lib/councils/actions';
import type { Position } from '@/lib/domain/council-rules';
import { SelectField, SubmitButton, TextAreaField, TextField, useFieldError, useZodForm, ZodForm } from '@/components/forms/zod-form';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/councils/schemas');

export type MeetingSeatOption = { userId: string; name: string; position: Position };

/**
 * Records a council meeting: when, where or online, who presided (the chair or a vice-chair), and each member's
 * attendance (present, online). Everyone starts as present; the department unticks who was absent.
 */
export function MeetingForm({
  target,
  councilId,
  seats,
  heldAt,
}: {
  target: 'council' | 'identification';
  councilId: string;
  seats: MeetingSeatOption[];
  heldAt: string;
}) {
  const t = useTranslations();
  const chairs = seats.filter((s) => s.position === 'CHAIR' || s.position === 'VICE_CHAIR');
  const form = useZodForm({
    schema: () => schemas().then((m) => m.ZRecordMeeting),
    action: recordMeetingAction,
    defaultValues: {
      target,
      councilId,
      heldAt,
      place: '',
      online: false,
      presidingUserId: chairs.find((s) => s.position === 'CHAIR')?.userId ?? '',
      attendance: seats.map((s) => ({ userId: s.userId, present: true, online: false })),
      minutesNote: '',
    },
  });
  return (
    <ZodForm {...form} className="space-y-3" testId="meeting-form" idPrefix={`meeting-${councilId}-`}>
      <h3 className="text-sm font-semibold text-slate-900">{t('meetings.formTitle')}</h3>
      <p className="text-xs text-slate-600">{t('meetings.formHint')}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="heldAt" label={t('meetings.heldAt')} type="datetime-local" required testId="meeting-held-at" />
        <SelectField
          name="presidingUserId"
          label={t('meetings.presiding')}
          required
          testId="meeting-presiding"
          placeholder=""
          options={chairs.map((s) => ({ value: s.userId, label: `${s.name} (${t(`positions.${s.position}`)})` }))}
        />
        <TextField name="place" label={t('meetings.place')} testId="meeting-place" />
        <OnlineBox />
      </div>
      <Attendance seats={seats} />
      <TextAreaField name="minutesNote" label={t('meetings.minutesNote')} rows={2} />
      <SubmitButton pendingLabel={t('meetings.pending')} testId="meeting-submit">
        {t('meetings.submit')}
      </SubmitButton>
    </ZodForm>
  );
}

function OnlineBox() {
  const t = useTranslations('meetings');
  const { register } = useFormContext();
  return (
    <label className="flex items-center gap-2 self-end pb-2 text-sm">
      <input type="checkbox" {...register('online')} className="h-4 w-4" data-testid="meeting-online" />
      {t('online')}
    </label>
  );
}

function Attendance({ seats }: { seats: MeetingSeatOption[] }) {
  const t = useTranslations();
  const { register } = useFormContext();
  const error = useFieldError('attendance');
  return (
    <fieldset className="space-y-1" data-testid="meeting-attendance">
      <legend className="text-sm font-medium text-slate-700">{t('meetings.attendance')}</legend>
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1 pr-3">{t('meetings.member')}</th>
            <th className="py-1 pr-3">{t('meetings.present')}</th>
            <th className="py-1">{t('meetings.online')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {seats.map((s, i) => (
            <tr key={s.userId} data-testid="meeting-seat" data-user-id={s.userId}>
              <td className="py-1 pr-3">
                {s.name} <span className="text-xs text-slate-500">{t(`positions.${s.position}`)}</span>
              </td>
              <td className="py-1 pr-3">
                <input
                  type="checkbox"
                  {...register(`attendance.${i}.present`)}
                  className="h-4 w-4"
                  aria-label={t('meetings.presentOf', { name: s.name })}
                  data-testid="meeting-present"
                />
              </td>
              <td className="py-1">
                <input
                  type="checkbox"
                  {...register(`attendance.${i}.online`)}
                  className="h-4 w-4"
                  aria-label={t('meetings.onlineOf', { name: s.name })}
                  data-testid="meeting-seat-online"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p role="alert" className="text-xs text-red-700" data-field-error="attendance">
          {error}
        </p>
      )}
    </fieldset>
  );
}
