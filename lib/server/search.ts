import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { containsPattern } from '@/lib/domain/search';
import { prisma } from '@/lib/server/db';

// Search that ignores case and diacritics, as SQL conditions (migration 20261203090000_unaccent_search). The query
// is folded here (foldVietnamese) and the columns in the database by `khcn_fold`, the expression the trigram
// indexes are built on: keep it written the same.

/** The folded query occurs in any of the columns, each folded by `khcn_fold`; null when the query folds to nothing. */
export function foldedMatch(query: string | null | undefined, columns: Prisma.Sql[]): Prisma.Sql | null {
  const pattern = containsPattern(query);
  if (!pattern || columns.length === 0) return null;
  return Prisma.sql`(${Prisma.join(
    columns.map((c) => Prisma.sql`khcn_fold(${c}) LIKE ${pattern}`),
    ' OR ',
  )})`;
}

/**
 * A task (`"Task" t`) matches when the folded query occurs in its code, title, principal investigator or host
 * organization's name: the stored "searchText" that holds them all (kept by triggers, migration
 * 20261204090000_search_host_name), on its trigram index. Null when the query folds to nothing.
 */
export function taskMatch(query: string | null | undefined): Prisma.Sql | null {
  const pattern = containsPattern(query);
  return pattern ? Prisma.sql`t."searchText" LIKE ${pattern}` : null;
}

/** The tables whose lists search by folded text, and the columns each list searches. */
const SEARCHED_COLUMNS = {
  Organization: ['name', 'taxCode'],
  User: ['name', 'email'],
  Program: ['code', 'name'],
  ListedTask: ['code', 'title'],
  NeedsProposal: ['code', 'title'],
} as const;

/**
 * A Prisma filter for a list searched as Vietnamese users type (case and diacritics ignored): the ids of the
 * table's rows whose searched columns hold the folded query, or no filter when there is no query. These lists
 * hold hundreds to a few thousand rows (organizations, people, programs, needs, listed tasks); the queue of
 * tasks, far larger, searches in its own SQL (taskMatch).
 */
export async function foldedSearch(
  table: keyof typeof SEARCHED_COLUMNS,
  query: string | null | undefined,
): Promise<{ id?: { in: string[] } }> {
  const match = foldedMatch(
    query,
    SEARCHED_COLUMNS[table].map((c) => Prisma.raw(`"${c}"`)),
  );
  if (!match) return {};
  const rows = await prisma.$queryRaw<{ id: string }[]>`SELECT "id" FROM ${Prisma.raw(`"${table}"`)} WHERE ${match}`;
  return { id: { in: rows.map((r) => r.id) } };
}

/**
 * One page of tasks (`"Task" t` under `where`, in `order`, read by `load` from their ids) and how many tasks the
 * condition holds. The count runs beside the page and its rows: a search's count reads every match through the
 * trigram index, while its first page mostly comes straight from the order's index, so neither waits for the other.
 */
export async function taskPage<R>(opts: {
  where: Prisma.Sql;
  order: Prisma.Sql;
  page: number;
  size: number;
  load: (ids: string[]) => Promise<R[]>;
}): Promise<{ total: number; rows: R[] }> {
  const { where, order, page, size } = opts;
  const [[{ total }], rows] = await Promise.all([
    prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Task" t WHERE ${where}`,
    prisma.$queryRaw<{ id: string }[]>`SELECT t."id" FROM "Task" t WHERE ${where} ${order} LIMIT ${size} OFFSET ${(page - 1) * size}`.then(
      (found) => opts.load(found.map((r) => r.id)),
    ),
  ]);
  return { total, rows };
}
