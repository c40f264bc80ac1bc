import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { formatDate, formatDateTime, type Locale } from '@/lib/domain/format';
import type { Dossier } from '@/components/tasks/dossier';
import { ExtensionDecisionForm } from './extension-decision-form';

const TONE = { PENDING: 'amber', APPROVED: 'green', REJECTED: 'red' } as const;

/** Extension requests; a PENDING one carries the decision form for the leader (others see that it awaits them). */
export async function ExtensionRequests({
  extensions,
  canDecide,
  version,
}: {
  extensions: Dossier['extensions'];
  canDecide: boolean;
  version: number;
}) {
  const t = await getTranslations('deptExtensions');
  const locale = (await getLocale()) as Locale;
  if (extensions.length === 0) return <EmptyState>{t('empty')}</EmptyState>;
  return (
    <ul className="space-y-3" data-testid="extension-requests">
      {extensions.map((x) => (
        <li
          key={x.id}
          className="rounded-md border border-slate-200 p-3 text-sm"
          data-testid="extension-request"
          data-request-id={x.id}
          data-status={x.status}
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-medium text-slate-900">
              {t('dates', { from: formatDate(x.currentEndDate, locale), to: formatDate(x.requestedEndDate, locale) })}
            </p>
            <Badge tone={TONE[x.status]}>{t(`status.${x.status}`)}</Badge>
          </div>
          <p className="text-xs text-slate-500">{t('requestedAt', { date: formatDateTime(x.createdAt, locale) })}</p>
          <p className="mt-2 whitespace-pre-line">
            <span className="text-slate-500">{t('reason')}: </span>
            {x.reason}
          </p>
          {x.decidedAt && (
            <p className="mt-1 text-xs text-slate-600">
              {t('decidedAt', { date: formatDateTime(x.decidedAt, locale) })}
              {x.decisionNote ? ` — ${x.decisionNote}` : ''}
            </p>
          )}
          {x.status === 'PENDING' &&
            (canDecide ? (
              <div className="mt-3 border-t border-slate-100 pt-3">
                <ExtensionDecisionForm requestId={x.id} version={version} />
              </div>
            ) : (
              <p className="mt-2 text-xs text-amber-800">{t('awaitingLeader')}</p>
            ))}
        </li>
      ))}
    </ul>
  );
}
