import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { AuditPageView } from '@/lib/audit/loaders';
import { inputClass } from '@/components/ui/field';
import { buttonClass } from '@/components/ui/button';

/**
 * A GET form, like components/ui/filter-bar.tsx (same look): the filters live in the URL, so a filtered log can
 * be bookmarked and paginated on the server. It carries two text searches and a range of days, which
 * FilterBar (one search box and selects) does not take.
 */
export async function AuditFilters({ view }: { view: Pick<AuditPageView, 'log' | 'filters' | 'options'> }) {
  const t = await getTranslations('audit');
  const { filters, options } = view;
  const selects =
    view.log === 'audit'
      ? [
          { name: 'action', value: filters.action, options: options.actions.map((a) => ({ value: a, label: t(`actions.${a}`) })) },
          { name: 'entity', value: filters.entity, options: options.entityTypes.map((e) => ({ value: e, label: t(`entities.${e}`) })) },
        ]
      : [{ name: 'kind', value: filters.kind, options: options.kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) })) }];
  const label = 'text-xs font-medium text-slate-600';
  return (
    <form
      action="/department/audit"
      method="get"
      role="search"
      aria-label={t('filters.label')}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <input type="hidden" name="log" value={view.log} />
      <label className={`min-w-48 flex-1 ${label}`}>
        {t('filters.actor')}
        <input name="actor" defaultValue={filters.actor} placeholder={t('filters.actorPlaceholder')} className={inputClass()} />
      </label>
      <label className={`min-w-48 flex-1 ${label}`}>
        {t('filters.task')}
        <input name="task" defaultValue={filters.task} placeholder={t('filters.taskPlaceholder')} className={inputClass()} />
      </label>
      {selects.map((s) => (
        <label key={s.name} className={label}>
          {t(`filters.${s.name}`)}
          <select name={s.name} defaultValue={s.value} className={inputClass()}>
            <option value="">{t('filters.all')}</option>
            {s.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label className={label}>
        {t('filters.from')}
        <input type="date" name="from" defaultValue={filters.from} className={inputClass()} />
      </label>
      <label className={label}>
        {t('filters.to')}
        <input type="date" name="to" defaultValue={filters.to} className={inputClass()} />
      </label>
      <button type="submit" className={buttonClass('secondary')}>
        {t('filters.apply')}
      </button>
      <Link href={`/department/audit?log=${view.log}`} className={buttonClass('ghost')}>
        {t('filters.clear')}
      </Link>
    </form>
  );
}
