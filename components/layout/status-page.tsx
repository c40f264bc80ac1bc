import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';

/**
 * A page that says why there is nothing to show here (403, 404), with the way home: a plain link (a full load of
 * the home page), so that the boundary every page carries needs no script of its own.
 */
export async function StatusPage({ messages, testId }: { messages: 'forbidden' | 'notFound'; testId: string }) {
  const t = await getTranslations(messages);
  return (
    <main className="mx-auto mt-24 max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-xl font-semibold" data-testid={testId}>
        {t('title')}
      </h1>
      <p className="mt-2 text-sm text-slate-600">{t('body')}</p>
      <a href="/" className={buttonClass('primary', 'mt-6')}>
        {t('goHome')}
      </a>
    </main>
  );
}
