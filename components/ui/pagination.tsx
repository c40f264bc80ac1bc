import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from './button';

/** Server-side pagination links that keep the current filters (other search params). */
export async function Pagination({
  page,
  pageSize,
  total,
  basePath,
  params,
}: {
  page: number;
  pageSize: number;
  total: number;
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  const t = await getTranslations('common');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v && k !== 'page') sp.set(k, v);
    if (p > 1) sp.set('page', String(p));
    const qs = sp.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  return (
    <nav className="mt-3 flex items-center justify-between text-sm text-slate-600" aria-label={t('pagination')}>
      <span>{t('pageOf', { page: Math.min(page, pages), pages, total })}</span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={buttonClass('secondary')} href={href(page - 1)}>
            {t('previous')}
          </Link>
        ) : (
          <span className={buttonClass('secondary', 'opacity-50')} aria-disabled>
            {t('previous')}
          </span>
        )}
        {page < pages ? (
          <Link className={buttonClass('secondary')} href={href(page + 1)}>
            {t('next')}
          </Link>
        ) : (
          <span className={buttonClass('secondary', 'opacity-50')} aria-disabled>
            {t('next')}
          </span>
        )}
      </span>
    </nav>
  );
}
