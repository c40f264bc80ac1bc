import Link from 'next/link';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { LocaleSwitcher } from '@/components/i18n/locale-switcher';
import { NotificationBell } from '@/components/notifications/bell';
import { HeaderSearch } from '@/components/search/header-search';
import { logoutAction } from '@/lib/users/session-actions';
import type { ShellView } from '@/lib/users/loaders';
import type { Locale } from '@/lib/domain/locale';

/** The frame of every signed-in page: the department's name, the area's menu, the bell, language, user, logout. */
export async function AppShell({ shell, children }: { shell: ShellView; children: ReactNode }) {
  const { user, nav } = shell;
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only">
        {t('nav.skipToContent')}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-6">
            <Link href="/" className="leading-tight">
              <span className="block text-[11px] font-medium uppercase tracking-wide text-brand-700">{t('common.departmentName')}</span>
              <span className="block text-base font-semibold text-slate-900">{t('common.appName')}</span>
            </Link>
            <nav aria-label={t('nav.main')} className="flex flex-wrap gap-1">
              {nav.map((item) => (
                <Link
                  key={item.href}
                  href={item.href}
                  className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
                >
                  {t(item.labelKey)}
                </Link>
              ))}
            </nav>
          </div>
          <div className="flex items-center gap-3">
            {shell.searchAction && <HeaderSearch action={shell.searchAction} />}
            <NotificationBell href={shell.notificationsHref} count={shell.unread} />
            <LocaleSwitcher current={locale} label={t('common.language')} />
            <Link
              href={shell.profileHref}
              className="rounded-md px-2 py-1 text-right text-sm leading-tight hover:bg-slate-100"
              data-testid="whoami"
              title={t('nav.profile')}
            >
              <span className="block font-medium">{user.name}</span>
              <span className="block text-xs text-slate-500">{t(`roles.${user.role}`)}</span>
            </Link>
            <form action={logoutAction}>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
                {t('common.logout')}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
