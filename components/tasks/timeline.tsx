import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/card';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import type { Dossier } from './dossier';

/**
 * Every status change with its date and the note meant for the reader. Department users also see who acted
 * and internal notes; organizations see neither (and never councils or ballots).
 */
export async function Timeline({ events }: { events: Dossier['events'] }) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  if (events.length === 0) return <EmptyState>{t('timeline.empty')}</EmptyState>;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5" data-testid="timeline">
      {events.map((e) => {
        const detail = e as typeof e & { internalNote?: string | null; actor?: { name: string; role: string } };
        return (
          <li key={e.id} className="relative">
            <span className="absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full bg-brand-600" aria-hidden />
            <p className="text-sm font-medium text-slate-900">
              {t(`timeline.actions.${e.action}`)} <span className="text-slate-500">→ {t(`status.${e.toStatus}`)}</span>
            </p>
            <p className="text-xs text-slate-500">
              {formatDateTime(e.createdAt, locale)}
              {detail.actor ? ` · ${detail.actor.name} (${t(`roles.${detail.actor.role}`)})` : ''}
            </p>
            {e.note && (
              <p className="mt-1 whitespace-pre-line rounded bg-slate-50 px-2 py-1 text-sm text-slate-800" data-testid="timeline-note">
                {e.note}
              </p>
            )}
            {detail.internalNote && (
              <p className="mt-1 text-xs text-amber-800">
                {t('timeline.internal')}: {detail.internalNote}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
