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
