import Link from 'next/link';
import type { ReactNode } from 'react';
import clsx from 'clsx';
import { getTranslations } from 'next-intl/server';
import { listHref, type ListQuery, type SortDir } from '@/lib/domain/paging';
import { EmptyState } from './card';
import { Pagination } from './pagination';
import { Table, Td, Th } from './table';

// The one table of every list: columns declared once per list, rows paginated (and sorted) on the server, the
// page and sort kept in the URL with the list's filters, so a list is a link anyone can open again.

export type Column<T> = {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  className?: string;
  /** A sort key the list's loader accepts: the header becomes a link that sorts by it. */
  sort?: string;
  align?: 'right';
};

export type Paging = { page: number; pageSize: number; total: number };

export async function DataTable<T>({
  label,
  rows,
  columns,
  rowKey,
  rowAttributes,
  empty,
  testId,
  paging,
  query,
}: {
  label: string;
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** data-* attributes of a row (what it is, for tests and styles). */
  rowAttributes?: (row: T) => Record<string, string>;
  empty: ReactNode;
  testId?: string;
  /** Server-side pages of the list; absent for a list that is shown whole. */
  paging?: Paging;
  /** Where the list lives and its current filters and sort (kept by the page and sort links). */
  query?: ListQuery;
}) {
  const t = await getTranslations('common');
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  const sortLink = (key: string) => {
    if (!query) return null;
    const active = query.params.sort === key;
    const dir: SortDir = active && query.params.dir !== 'desc' ? 'desc' : 'asc';
    return {
      href: listHref(query, { sort: key, dir, page: undefined }),
      active,
      current: active ? (query.params.dir === 'desc' ? 'descending' : 'ascending') : undefined,
    };
  };
  return (
    <>
      <Table label={label}>
        <thead>
          <tr>
            {columns.map((c) => {
              const link = c.sort ? sortLink(c.sort) : null;
              return (
                <Th
                  key={c.key}
                  className={clsx(c.align === 'right' && 'text-right')}
                  aria-sort={link?.current as 'ascending' | 'descending' | undefined}
                >
                  {link ? (
                    <Link href={link.href} className="inline-flex items-center gap-1 hover:underline" title={t('sortBy')}>
                      {c.header}
                      <span aria-hidden>{link.current === 'ascending' ? '▲' : link.current === 'descending' ? '▼' : '↕'}</span>
                    </Link>
                  ) : (
                    c.header
                  )}
                </Th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100" data-testid={testId}>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="hover:bg-slate-50" {...prefixed(rowAttributes?.(row))}>
              {columns.map((c) => (
                <Td key={c.key} className={clsx(c.align === 'right' && 'text-right tabular-nums', c.className)}>
                  {c.cell(row)}
                </Td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
      {paging && query && <Pagination {...paging} query={query} />}
    </>
  );
}

const prefixed = (attributes: Record<string, string> | undefined) =>
  Object.fromEntries(Object.entries(attributes ?? {}).map(([k, v]) => [`data-${k}`, v]));
