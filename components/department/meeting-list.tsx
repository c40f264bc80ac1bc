import { getLocale, getTranslations } from 'next-intl/server';
import type { MeetingView } from '@/lib/councils/meetings';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import { Badge } from '@/components/ui/badge';

/** A council's recorded meetings: when and where, who presided, attendance, and whether the meeting was valid. */
export async function MeetingList({ meetings }: { meetings: MeetingView[] }) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  if (meetings.length === 0)
    return (
      <p className="text-sm text-amber-800" data-testid="meetings-none">
        {t('meetings.none')}
      </p>
    );
  return (
    <ul className="space-y-2" data-testid="meetings">
      {meetings.map((m) => (
        <li
          key={m.id}
          className="rounded-md border border-slate-200 p-2 text-sm"
          data-testid="meeting"
          data-valid={m.check.valid ? 'true' : 'false'}
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-medium">
              {formatDateTime(m.heldAt, locale)} · {m.online && !m.place ? t('meetings.onlineOnly') : m.place}
              {m.online && m.place ? ` (${t('meetings.alsoOnline')})` : ''}
            </span>
            <Badge tone={m.check.valid ? 'green' : 'amber'}>{m.check.valid ? t('meetings.valid') : t('meetings.invalid')}</Badge>
          </div>
          <p className="text-xs text-slate-600">
            {t('meetings.presidedBy', { name: m.presidingName ?? '—' })} ·{' '}
            {t('meetings.presentCount', { present: m.check.present, total: m.check.total, required: m.check.required })}
          </p>
          {m.check.problems.map((p) => (
            <p key={p.code} className="text-xs text-amber-800">
              {p.code === 'attendance'
                ? t('meetings.problemAttendance', { present: p.present, required: p.required })
                : p.code === 'presiding'
                  ? t('meetings.problemPresiding')
                  : t('meetings.problemReviewers', { count: p.count })}
            </p>
          ))}
          <p className="text-xs text-slate-500">
            {m.attendance
              .map(
                (a) =>
                  `${a.name}: ${a.present ? (a.online ? t('meetings.statusOnline') : t('meetings.statusPresent')) : t('meetings.statusAbsent')}`,
              )
              .join(' · ')}
          </p>
        </li>
      ))}
    </ul>
  );
}
