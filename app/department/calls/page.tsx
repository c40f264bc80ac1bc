import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadCallsPage } from '@/lib/calls/loaders';
import { PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { CallTable } from '@/components/department/call-table';
import { ExportLinks } from '@/components/ui/export-links';

export default async function CallsPage() {
  const page = await loadCallsPage();
  const t = await getTranslations('deptCalls');
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          page.manage ? (
            <div className="flex flex-wrap gap-2">
              <ExportLinks list="calls" />
              <Link href="/department/calls/new" className={buttonClass('primary')} data-testid="new-call">
                {t('new')}
              </Link>
            </div>
          ) : undefined
        }
      />
      <CallTable page={page} />
    </>
  );
}
