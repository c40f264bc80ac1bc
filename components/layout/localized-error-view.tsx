'use client';
import { useTranslations } from 'next-intl';
import { Button, buttonClass } from '@/components/ui/button';
import { BrowserIntl } from '@/components/i18n/browser-intl';

type Props = { digest?: string; retry: () => void };

/**
 * The error view in the page's language (the root layout's <html lang>), with the catalog that holds its messages,
 * fetched only when an error is shown (components/i18n/browser-intl.tsx).
 */
export default function LocalizedErrorView(props: Props) {
  return (
    <BrowserIntl catalogs={['core']}>
      <View {...props} />
    </BrowserIntl>
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
