import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireArea } from '@/lib/server/session';
import { load } from '@/lib/server/page';
import { listCalls } from '@/lib/calls/service';
import { can } from '@/lib/domain/permissions';
import type { Locale } from '@/lib/domain/format';
import { PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { CallTable } from '@/components/department/call-table';

export default async function CallsPage() {
  const actor = await requireArea('department');
  const [calls, t, locale] = await Promise.all([load(listCalls(actor)), getTranslations('deptCalls'), getLocale()]);
  const manage = can(actor.role, 'calls.manage');
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          manage ? (
            <Link href="/department/calls/new" className={buttonClass('primary')} data-testid="new-call">
              {t('new')}
            </Link>
          ) : undefined
        }
      />
      <CallTable calls={calls} locale={locale as Locale} editable={manage} />
    </>
  );
}
