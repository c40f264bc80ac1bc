import { getTranslations } from 'next-intl/server';
import { buttonClass } from './button';

/** Download links of a list's export in both formats, with the filters the screen shows. */
export async function ExportLinks({ list, params = {} }: { list: string; params?: Record<string, string | undefined> }) {
  const t = await getTranslations('exports');
  const href = (format: string) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v && k !== 'page') q.set(k, v);
    q.set('format', format);
    return `/api/exports/${list}?${q.toString()}`;
  };
  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label={t('label')} data-testid={`export-${list}`}>
      <a href={href('xlsx')} className={buttonClass('secondary')} data-testid="export-xlsx" download>
        {t('xlsx')}
      </a>
      <a href={href('csv')} className={buttonClass('secondary')} data-testid="export-csv" download>
        {t('csv')}
      </a>
    </div>
  );
}
