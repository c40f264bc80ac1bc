import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listHref, type ListQuery } from '@/lib/domain/paging';
import { buttonClass } from './button';

/** Server-side pagination links that keep the list's filters and sort. */
export async function Pagination({ page, pageSize, total, query }: { page: number; pageSize: number; total: number; query: ListQuery }) {
  const t = await getTranslations('common');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="mt-3 flex items-center justify-between text-sm text-slate-600" aria-label={t('pagination')}>
      <span>{t('pageOf', { page: Math.min(page, pages), pages, total })}</span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={buttonClass('secondary')} href={listHref(query, { page: page - 1 })}>
            {t('previous')}
          </Link>
        ) : (
          <span className={buttonClass('secondary', 'opacity-50')} aria-disabled>
            {t('previous')}
          </span>
        )}
        {page < pages ? (
          <Link className={buttonClass('secondary')} href={listHref(query, { page: page + 1 })}>
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
