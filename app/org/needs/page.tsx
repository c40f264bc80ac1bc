import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadOrgNeedsHome } from '@/lib/needs/loaders';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import { Alert, PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { PendingNotice } from '@/components/org/pending-notice';
import { NeedsList } from '@/components/needs/needs-list';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations('needs'))('list.ownTitle') };
}

export default async function OrgNeedsPage({ searchParams }: Props) {
  const page = await loadOrgNeedsHome(await searchParams);
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  if (page.kind === 'pending') {
    return (
      <>
        <PageHeader title={t('needs.list.ownTitle')} />
        <PendingNotice organizationName={page.organizationName} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t('needs.list.ownTitle')}
        description={t('needs.list.ownDescription')}
        actions={
          page.openCalls.length > 0 && (
            <Link href="/org/needs/new" className={buttonClass('primary')} data-testid="new-needs">
              {t('needs.list.new')}
            </Link>
          )
        }
      />
      <div className="space-y-6">
        {page.openCalls.length > 0 ? (
          <Alert title={t('needs.list.openCalls')}>
            <ul className="list-disc pl-5" data-testid="open-needs-calls">
              {page.openCalls.map((c) => (
                <li key={c.id}>{t('needs.list.callLine', { title: c.title, closes: formatDateTime(c.closesAt, locale) })}</li>
              ))}
            </ul>
          </Alert>
        ) : (
          <Alert>{t('needs.list.noOpenCall')}</Alert>
        )}
        <NeedsList area="org" rows={page.rows} paging={page.paging} query={page.query} empty={t('needs.list.ownEmpty')} />
      </div>
    </>
  );
}
