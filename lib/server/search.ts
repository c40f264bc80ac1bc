import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { containsPattern } from '@/lib/domain/search';

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
 * A task (`"Task" t`) matches when the folded query occurs in its code, title or principal investigator (the
 * stored "searchText", on its trigram index) or in its host organization's name (the organizations found first,
 * so that their tasks come from the host organization index). Null when the query folds to nothing.
 */
export function taskMatch(query: string | null | undefined): Prisma.Sql | null {
  const pattern = containsPattern(query);
  const inHost = foldedMatch(query, [Prisma.sql`o."name"`]);
  if (!pattern || !inHost) return null;
  return Prisma.sql`(t."searchText" LIKE ${pattern} OR t."hostOrganizationId" = ANY(ARRAY(SELECT o."id" FROM "Organization" o WHERE ${inHost})))`;
}
