import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import type { DocumentLink } from '@/lib/domain/documents';

/** The Word documents the page's loader offers; nothing when it offers none. */
export async function DocumentLinks({ documents }: { documents: DocumentLink[] }) {
  if (documents.length === 0) return null;
  const t = await getTranslations('documents');
  return (
    <Card title={t('title')}>
      <p className="mb-2 text-sm text-slate-600">{t('description')}</p>
      <ul className="space-y-1 text-sm" data-testid="documents">
        {documents.map((d) => (
          <li key={`${d.kind}-${d.id}`}>
            <a href={d.href} download className="text-brand-700 hover:underline" data-testid={`document-${d.kind}`}>
              {t(`kinds.${d.kind}`)}
              {d.stage && ` · ${t(`stages.${d.stage}`)}`}
              {d.member && ` · ${d.member}`}
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
}
