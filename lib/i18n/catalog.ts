// Message catalogs: one JSON file per area and language (messages/<locale>/<file>.json), each holding whole
// top-level namespaces, merged per request. Splitting by area keeps edits of different features apart.
import type { Locale } from '@/lib/domain/format';

export const MESSAGE_FILES = [
  'core',
  'tasks',
  'councils',
  'department',
  'notifications',
  'audit',
  'needs',
  'identification',
  'lists',
  'selection',
  'after',
  'programs',
  'search',
  'registry',
  'statistics',
  'documents',
  'mail',
] as const;

export type Messages = Record<string, unknown>;

export async function loadMessageFiles(locale: Locale): Promise<Record<string, Messages>> {
  const entries = await Promise.all(
    MESSAGE_FILES.map(async (file) => [file, (await import(`../../messages/${locale}/${file}.json`)).default as Messages] as const),
  );
  return Object.fromEntries(entries);
}

export async function loadMessages(locale: Locale): Promise<Messages> {
  return Object.assign({}, ...Object.values(await loadMessageFiles(locale)));
}
