import { getTranslations } from 'next-intl/server';
import type { RegistryPage } from '@/lib/registry/loaders';
import { formatVnd } from '@/lib/domain/format';
import { EmptyState } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { formatBytes } from '@/components/tasks/attachment-list';

/**
 * The public registry: one entry per accepted task, with the public fields only and the result files the
 * department published (downloaded without login), a page at a time.
 */
export async function RegistryList({ page }: { page: RegistryPage }) {
  const t = await getTranslations();
  if (page.rows.length === 0) return <EmptyState>{t('registry.empty')}</EmptyState>;
  return (
    <>
      <ol className="grid gap-4" data-testid="registry-list">
        {page.rows.map((row, i) => {
          const years = row.startYear ? `${row.startYear}–${row.endYear ?? ''}` : t('registry.none');
          return (
            <li key={row.code ?? i} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-code={row.code ?? ''}>
              <article aria-labelledby={`registry-${i}`}>
                <h2 id={`registry-${i}`} className="text-base font-semibold text-slate-900">
                  {row.title}
                </h2>
                <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
                  <Item label={t('registry.code')} value={row.code ?? t('registry.none')} />
                  <Item label={t('registry.organization')} value={row.organization} />
                  <Item label={t('registry.pi')} value={row.principalInvestigator ?? t('registry.none')} />
                  <Item label={t('registry.field')} value={row.field ? t(`fields.${row.field}`) : t('registry.none')} />
                  <Item label={t('registry.years')} value={years} />
                  <Item label={t('registry.grade')} value={row.grade ? t(`ratings.${row.grade}`) : t('registry.none')} />
                  <Item
                    label={t('registry.budget')}
                    value={row.approvedBudget === null ? t('registry.none') : formatVnd(row.approvedBudget)}
                  />
                  <Item label={t('registry.certificate')} value={row.certificateNo ?? t('registry.notRegistered')} />
                </dl>
                {row.resultsSummary && (
                  <div className="mt-3 text-sm">
                    <p className="font-medium text-slate-700">{t('registry.results')}</p>
                    <p className="mt-1 whitespace-pre-line text-slate-700">{row.resultsSummary}</p>
                  </div>
                )}
                {row.files.length > 0 && (
                  <div className="mt-3 text-sm">
                    <p className="font-medium text-slate-700">{t('registry.files')}</p>
                    <ul className="mt-1 space-y-1" data-testid="registry-files">
                      {row.files.map((f) => (
                        <li key={f.id}>
                          <a
                            href={`/api/registry/files/${f.id}`}
                            className="font-medium text-brand-700 hover:underline"
                            aria-label={t('registry.downloadFile', { name: f.fileName, size: formatBytes(f.size) })}
                          >
                            {f.fileName}
                          </a>
                          <span className="ml-2 text-xs text-slate-500">{formatBytes(f.size)}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </article>
            </li>
          );
        })}
      </ol>
      <Pagination {...page.paging} query={page.query} />
    </>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="text-slate-900">{value}</dd>
    </div>
  );
}
