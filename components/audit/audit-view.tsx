import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import clsx from 'clsx';
import type { AuditPageView } from '@/lib/audit/loaders';
import { PageHeader } from '@/components/ui/card';
import { AuditFilters } from './audit-filters';
import { AuditEventTable } from './audit-event-table';
import { AccessLogTable } from './access-log-table';

/** The department leader's logs: a tab per log, the filters, one page of entries (newest first) and the pager. */
export async function AuditView({ view }: { view: AuditPageView }) {
  const t = await getTranslations('audit');
  const paging = { page: view.page, pageSize: view.pageSize, total: view.total };
  const query = { basePath: '/department/audit', params: view.params };
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <nav aria-label={t('tabs.label')} className="mb-4 flex gap-1 border-b border-slate-200">
        {view.tabs.map((tab) => (
          <Link
            key={tab.log}
            href={tab.href}
            aria-current={tab.current ? 'page' : undefined}
            className={clsx(
              '-mb-px border-b-2 px-3 py-2 text-sm font-medium',
              tab.current ? 'border-brand-700 text-brand-800' : 'border-transparent text-slate-600 hover:text-slate-900',
            )}
          >
            {t(`tabs.${tab.log}`)}
          </Link>
        ))}
      </nav>
      <AuditFilters view={view} />
      {view.log === 'audit' ? (
        <AuditEventTable rows={view.rows} paging={paging} query={query} />
      ) : (
        <AccessLogTable rows={view.rows} paging={paging} query={query} />
      )}
    </>
  );
}
