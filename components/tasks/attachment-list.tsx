import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import type { ReactNode } from 'react';

export type AttachmentRow = {
  id: string;
  kind: string;
  fileName: string;
  size: number;
  createdAt: Date;
  /** Set while the department has made the file public in the registry. */
  publishedAt?: Date | null;
};

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(0)} KB`;
  return `${(size / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

/** Attachments with download links (served by /api/attachments/[id], which checks the requester). */
export async function AttachmentList({
  attachments,
  actions,
}: {
  attachments: AttachmentRow[];
  actions?: (a: AttachmentRow) => ReactNode;
}) {
  const t = await getTranslations('attachments');
  if (attachments.length === 0) return <EmptyState>{t('empty')}</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="attachments">
      {attachments.map((a) => (
        <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
          <span>
            <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{t(`kinds.${a.kind}`)}</span>
            <a href={`/api/attachments/${a.id}`} className="font-medium text-brand-700 hover:underline">
              {a.fileName}
            </a>
            <span className="ml-2 text-xs text-slate-500">{formatBytes(a.size)}</span>
            {a.publishedAt && (
              <span className="ml-2" data-testid="attachment-published">
                <Badge tone="green">{t('published')}</Badge>
              </span>
            )}
          </span>
          {actions?.(a)}
        </li>
      ))}
    </ul>
  );
}
