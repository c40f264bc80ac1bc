import { setLocaleAction } from '@/lib/i18n/actions';
import { LOCALE_NAMES, type Locale } from '@/lib/domain/locale';

const OPTIONS = [
  { locale: 'vi', label: LOCALE_NAMES.vi, short: 'VI' },
  { locale: 'en', label: LOCALE_NAMES.en, short: 'EN' },
] as const;

/**
 * The language buttons of every page's header: a form rendered by the server, whose pressed button names the
 * language (lib/i18n/actions.ts), so that it works before any script and ships none. (A pending state would need a
 * client component on every page, about 0.2 kB for a switch that is over in a moment and harmless to press twice.)
 */
export function LocaleSwitcher({ current, label }: { current: Locale; label: string }) {
  return (
    <form action={setLocaleAction}>
      <div role="group" aria-label={label} className="inline-flex overflow-hidden rounded-md border border-slate-300 text-xs">
        {OPTIONS.map((o) => (
          <button
            type="submit"
            key={o.locale}
            name="locale"
            value={o.locale}
            lang={o.locale}
            title={o.label}
            aria-pressed={current === o.locale}
            className={`px-2 py-1 font-medium ${
              current === o.locale ? 'bg-brand-700 text-white' : 'bg-white text-slate-700 hover:bg-slate-100'
            }`}
          >
            {o.short}
          </button>
        ))}
      </div>
    </form>
  );
}
