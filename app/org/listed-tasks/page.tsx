import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadOrgListedTasks } from '@/lib/lists/loaders';
import { formatDateTime, formatVnd, type Locale } from '@/lib/domain/format';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';

export async function generateMetadata() {
  return { title: (await getTranslations('lists'))('org.title') };
}

/** The listed tasks open for dossiers now; nothing about other organizations' dossiers (not even how many). */
export default async function OrgListedTasksPage() {
  const page = await loadOrgListedTasks();
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  return (
    <>
      <PageHeader title={t('lists.org.title')} description={t('lists.org.description')} />
      {page.rows.length === 0 ? (
        <EmptyState>{t('lists.org.empty')}</EmptyState>
      ) : (
        <div className="space-y-4" data-testid="org-listed">
          {page.rows.map((l) => (
            <Card key={l.id} title={`${l.code ?? ''} · ${l.title}`}>
              <div className="grid gap-4 lg:grid-cols-[1fr_16rem]" data-testid={`org-listed-${l.id}`}>
                <div className="space-y-2 text-sm">
                  <dl className="space-y-2">
                    <div>
                      <dt className="font-medium text-slate-600">{t('lists.fields.objectives')}</dt>
                      <dd className="whitespace-pre-line">{l.objectives}</dd>
                    </div>
                    <div>
                      <dt className="font-medium text-slate-600">{t('lists.fields.products')}</dt>
                      <dd className="whitespace-pre-line">{l.products}</dd>
                    </div>
                    <div>
                      <dt className="font-medium text-slate-600">{t('lists.fields.budgetEstimate')}</dt>
                      <dd>
                        {formatVnd(l.budgetEstimate)}
                        {l.durationMonths ? ` · ${t('needs.detail.months', { n: l.durationMonths })}` : ''}
                      </dd>
                    </div>
                  </dl>
                  {l.call && (
                    <p className="text-xs text-slate-600">
                      {t('lists.org.notice', { title: l.call.title, closes: formatDateTime(l.call.closesAt, locale) })}
                    </p>
                  )}
                </div>
                <div className="space-y-2 text-sm">
                  <Badge tone={l.method === 'DIRECT' ? 'violet' : 'blue'}>{t(`lists.methods.${l.method}`)}</Badge>
                  {l.directOrganization && <p>{t('lists.org.directTo', { name: l.directOrganization.name })}</p>}
                  {l.ownDossier ? (
                    <Link href={`/org/tasks/${l.ownDossier.id}`} className={buttonClass('secondary')} data-testid="org-listed-own">
                      {t('lists.org.ownDossier')}
                    </Link>
                  ) : (
                    l.mayApply &&
                    page.verified && (
                      <Link
                        href={`/org/tasks/new?listedTaskId=${l.id}`}
                        className={buttonClass('primary')}
                        data-testid="org-listed-register"
                      >
                        {t('lists.org.register')}
                      </Link>
                    )
                  )}
                </div>
              </div>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
