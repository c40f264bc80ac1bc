import { getTranslations } from 'next-intl/server';

/** The header's search box: a GET form, so it works before any script and the results page is a link. */
export async function HeaderSearch({ action }: { action: string }) {
  const t = await getTranslations('search');
  return (
    <form action={action} method="get" role="search" aria-label={t('label')} className="flex items-center gap-1">
      <label htmlFor="header-search" className="sr-only">
        {t('label')}
      </label>
      <input
        id="header-search"
        name="q"
        type="search"
        maxLength={200}
        placeholder={t('placeholder')}
        className="w-56 rounded-md border border-slate-300 px-2 py-1.5 text-sm placeholder:text-slate-500 focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600"
      />
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
        {t('submit')}
      </button>
    </form>
  );
}
