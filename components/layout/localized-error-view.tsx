'use client';
import { use } from 'react';
import { NextIntlClientProvider, useTranslations } from 'next-intl';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/domain/locale';
import { Button, buttonClass } from '@/components/ui/button';

type Props = { digest?: string; retry: () => void };

// The catalog that holds the error page's messages, one chunk per language, fetched only when an error is shown.
const CATALOGS: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  vi: () => import('@/messages/vi/core.json'),
  en: () => import('@/messages/en/core.json'),
};
const loaded = new Map<Locale, Promise<Record<string, unknown>>>();
const catalog = (locale: Locale) => {
  if (!loaded.has(locale))
    loaded.set(
      locale,
      CATALOGS[locale]().then((m) => m.default),
    );
  return loaded.get(locale)!;
};

/** The error view in the page's language (the root layout's <html lang>). */
export default function LocalizedErrorView(props: Props) {
  const lang = document.documentElement.lang;
  const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
  const messages = use(catalog(locale));
  return (
    <NextIntlClientProvider locale={locale} messages={messages}>
      <View {...props} />
    </NextIntlClientProvider>
  );
}

/**
 * "Try again" re-fetches the segment without a full reload; the reference matches the server's log line. "Home" is a
 * plain link (a full load): a fresh start is what it offers.
 */
function View({ digest, retry }: Props) {
  const t = useTranslations('errorPage');
  return (
    <main className="mx-auto mt-16 max-w-lg rounded-lg border border-amber-300 bg-white p-8 text-center shadow-sm" role="alert">
      <h1 className="text-xl font-semibold" data-testid="error-page">
        {t('title')}
      </h1>
      <p className="mt-2 text-sm text-slate-700">{t('body')}</p>
      {digest && <p className="mt-2 font-mono text-xs text-slate-600">{t('reference', { digest })}</p>}
      <div className="mt-6 flex justify-center gap-2">
        <Button onClick={retry} data-testid="error-retry">
          {t('retry')}
        </Button>
        <a href="/" className={buttonClass('secondary')}>
          {t('goHome')}
        </a>
      </div>
    </main>
  );
}
