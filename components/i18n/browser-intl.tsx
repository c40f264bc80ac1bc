'use client';
import { use, type ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/domain/locale';
import { TIME_ZONE } from '@/lib/domain/calendar';

// The catalogs a form loaded on demand translates with, one chunk per file and language, fetched with the form (the
// list that offers it ships no next-intl, components/i18n/client-intl.tsx). `core` holds the errors and validation.
const CATALOGS = {
  core: { vi: () => import('@/messages/vi/core.json'), en: () => import('@/messages/en/core.json') },
  lists: { vi: () => import('@/messages/vi/lists.json'), en: () => import('@/messages/en/lists.json') },
} satisfies Record<string, Record<Locale, () => Promise<{ default: Record<string, unknown> }>>>;

export type CatalogName = keyof typeof CATALOGS;

const loaded = new Map<string, Promise<Record<string, unknown>>>();
function messages(locale: Locale, names: readonly CatalogName[]) {
  const key = `${locale}:${names.join(',')}`;
  if (!loaded.has(key)) {
    const merging = Promise.all(names.map((n) => CATALOGS[n][locale]().then((m) => m.default))).then((all) => Object.assign({}, ...all));
    merging.catch(() => loaded.delete(key)); // a failed fetch (the connection was lost) is tried again next time
    loaded.set(key, merging);
  }
  return loaded.get(key)!;
}

/**
 * next-intl for a component loaded on demand in a page that does not provide it: the page's language (the root
 * layout's <html lang>) with the named catalogs. Its parent waits in a Suspense boundary while they are fetched.
 */
export function BrowserIntl({ catalogs, children }: { catalogs: readonly CatalogName[]; children: ReactNode }) {
  const lang = document.documentElement.lang;
  const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
  return (
    <NextIntlClientProvider locale={locale} timeZone={TIME_ZONE} messages={use(messages(locale, catalogs))}>
      {children}
    </NextIntlClientProvider>
  );
}
