import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { LocaleSwitcher } from '@/components/i18n/locale-switcher';
import type { Locale } from '@/lib/domain/locale';

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('common');
  const locale = (await getLocale()) as Locale;
  return (
    <div className="min-h-screen bg-gradient-to-b from-brand-50 to-slate-50">
      <header className="mx-auto flex max-w-5xl items-center justify-between px-4 py-4">
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-brand-700">{t('departmentName')}</p>
          <p className="text-lg font-semibold text-slate-900">{t('appName')}</p>
        </div>
        <LocaleSwitcher current={locale} label={t('language')} />
      </header>
      <main className="mx-auto max-w-5xl px-4 pb-16">{children}</main>
    </div>
  );
}
