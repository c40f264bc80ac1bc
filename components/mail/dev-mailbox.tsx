import { getLocale, getTranslations } from 'next-intl/server';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import type { DevMailboxPage } from '@/lib/mail/loaders';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Pagination } from '@/components/ui/pagination';

const TONES = { QUEUED: 'amber', SENT: 'green', FAILED: 'red' } as const;

/** The development mailbox: every mail the app wrote, newest first, each opened to its plain text. */
export async function DevMailbox({ data }: { data: DevMailboxPage }) {
  const [t, locale] = await Promise.all([getTranslations('mailbox'), getLocale() as Promise<Locale>]);
  return (
    <>
      <PageHeader title={t('title')} description={t(`mode.${data.mode}`)} />
      {data.rows.length === 0 ? (
        <EmptyState>{t('empty')}</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="mailbox">
          {data.rows.map((m) => (
            <li key={m.id} className="rounded-lg border border-slate-200 bg-white" data-testid={`mail-${m.id}`} data-kind={m.kind}>
              <details>
                <summary className="flex cursor-pointer flex-wrap items-center justify-between gap-2 px-4 py-3">
                  <span>
                    <span className="block text-sm font-semibold text-slate-900">{m.subject}</span>
                    <span className="block text-xs text-slate-600">
                      {t('to')}: {m.to} · {m.locale} · {formatDateTime(m.createdAt, locale)}
                    </span>
                  </span>
                  <Badge tone={TONES[m.status]}>{t(`status.${m.status}`, { attempts: m.attempts })}</Badge>
                </summary>
                <pre className="whitespace-pre-wrap border-t border-slate-100 px-4 py-3 font-sans text-sm text-slate-800">{m.text}</pre>
                {m.lastError && <p className="px-4 pb-3 text-xs text-red-700">{m.lastError}</p>}
              </details>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} query={{ basePath: data.basePath, params: {} }} />
    </>
  );
}
