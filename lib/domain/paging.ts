// Server-side pagination, one parser for every list: the page number from a URL and the rows to skip. Pure.

/** A page number from a search parameter: a whole number from 1 up to `max`; anything else is page 1. */
export function pageParam(value: unknown, max = 100_000): number {
  const raw = Array.isArray(value) ? value[0] : value;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,9}$/.test(raw.trim()) ? Number(raw) : NaN;
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : 1;
}

export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number };

/** What Prisma needs for a page of `pageSize` rows. */
export function pageWindow(page: number, pageSize: number): { skip: number; take: number } {
  return { skip: (Math.max(1, page) - 1) * pageSize, take: pageSize };
}

export type SortDir = 'asc' | 'desc';

/** A list's place and state: its path and the search parameters that make it (filters, sort, page). */
export type ListQuery = { basePath: string; params: Record<string, string | undefined> };

/** The same list with some parameters changed (undefined drops one; page 1 is left out). */
export function listHref(query: ListQuery, changes: Record<string, string | number | undefined> = {}): string {
  const merged: Record<string, string | number | undefined> = { ...query.params, ...changes };
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '' && !(k === 'page' && Number(v) <= 1)) sp.set(k, String(v));
  const qs = sp.toString();
  return qs ? `${query.basePath}?${qs}` : query.basePath;
}

/** Plain string parameters of a page's searchParams (the first of repeated ones). */
export function stringParams(searchParams: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

/** A sort from the URL, among the keys a list allows; anything else is the list's default. */
export function sortParam<K extends string>(
  params: Record<string, string | undefined>,
  allowed: readonly K[],
  fallback: { sort: K; dir: SortDir },
) {
  const sort = allowed.find((k) => k === params.sort);
  if (!sort) return fallback;
  return { sort, dir: params.dir === 'desc' ? ('desc' as const) : ('asc' as const) };
}
