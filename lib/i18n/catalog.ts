// Message catalogs: one JSON file per area and language (messages/<locale>/<file>.json), each holding whole
// top-level namespaces, merged once per language and process. Splitting by area keeps edits of different features apart.
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

const merged = new Map<Locale, Promise<Messages>>();

/**
 * All of a language's messages in one object, merged once per process: every request (each page, action and mail)
 * asks for them, and they never change while the process runs. Callers only read them.
 */
export function loadMessages(locale: Locale): Promise<Messages> {
  let messages = merged.get(locale);
  if (!messages) {
    messages = loadMessageFiles(locale).then((files) => Object.assign({}, ...Object.values(files)) as Messages);
    messages.catch(() => merged.delete(locale)); // a failed load is tried again by the next caller
    merged.set(locale, messages);
  }
  return messages;
}
