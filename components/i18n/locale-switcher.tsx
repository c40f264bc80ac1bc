'use client';
import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import clsx from 'clsx';
import { setLocaleAction } from '@/lib/i18n/actions';
import { LOCALE_NAMES, type Locale } from '@/lib/domain/locale';

const OPTIONS = [
  { locale: 'vi', label: LOCALE_NAMES.vi, short: 'VI' },
  { locale: 'en', label: LOCALE_NAMES.en, short: 'EN' },
] as const;

/**
 * The language buttons of every page's header. The page's language and the group's label come from the server (the
 * header is rendered there), so that this runs in the browser without next-intl.
 */
export function LocaleSwitcher({ current, label }: { current: Locale; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <div role="group" aria-label={label} className="inline-flex overflow-hidden rounded-md border border-slate-300 text-xs">
      {OPTIONS.map((o) => (
        <button
          key={o.locale}
          type="button"
          lang={o.locale}
          title={o.label}
          aria-pressed={current === o.locale}
          disabled={pending}
          onClick={() =>
            start(async () => {
              await setLocaleAction(o.locale);
              router.refresh();
            })
          }
          className={clsx(
            'px-2 py-1 font-medium',
            current === o.locale ? 'bg-brand-700 text-white' : 'bg-white text-slate-700 hover:bg-slate-100',
          )}
        >
          {o.short}
        </button>
      ))}
    </div>
  );
}
