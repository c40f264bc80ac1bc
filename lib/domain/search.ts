// Search text as a Vietnamese reader types it: without diacritics, in any case. The database folds the stored
// columns the same way (`khcn_fold`, prisma/migrations/20261203090000_unaccent_search), so a folded query matches
// a folded column with a plain LIKE that the trigram indexes serve. Pure.

/**
 * "Nghiên cứu ĐỒNG Tháp" -> "nghien cuu dong thap": canonical decomposition, combining marks dropped, đ/Đ to d,
 * lower case, runs of white space made one space and the ends trimmed.
 */
export function foldVietnamese(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The LIKE pattern that finds `query` anywhere in a folded column (its `%`, `_` and `\` taken literally), or
 * null when nothing is left to search for once folded.
 */
export function containsPattern(query: string | null | undefined): string | null {
  const folded = foldVietnamese(query ?? '');
  if (!folded) return null;
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
