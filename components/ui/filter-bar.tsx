import { getTranslations } from 'next-intl/server';
import { inputClass } from './field';
import { buttonClass } from './button';

type SelectFilter = { name: string; label: string; value?: string; options: { value: string; label: string }[] };

/** A GET form: filters live in the URL, so a filtered list can be bookmarked and paginated on the server. */
export async function FilterBar({
  action,
  q,
  selects = [],
  keep = {},
}: {
  action: string;
  q?: { value?: string; placeholder: string };
  selects?: SelectFilter[];
  /** Parameters the filters do not change but must keep (the list's sort). */
  keep?: Record<string, string | undefined>;
}) {
  const t = await getTranslations('common');
  return (
    <form
      action={action}
      method="get"
      role="search"
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {q && (
        <label className="min-w-56 flex-1 text-xs font-medium text-slate-600">
          {t('search')}
          <input name="q" defaultValue={q.value ?? ''} placeholder={q.placeholder} className={inputClass()} />
        </label>
      )}
      {selects.map((s) => (
        <label key={s.name} className="text-xs font-medium text-slate-600">
          {s.label}
          <select name={s.name} defaultValue={s.value ?? ''} className={inputClass()}>
            <option value="">{t('all')}</option>
            {s.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button type="submit" className={buttonClass('secondary')}>
        {t('filter')}
      </button>
    </form>
  );
}
