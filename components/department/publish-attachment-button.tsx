'use client';
import { useTranslations } from 'next-intl';
import { setAttachmentPublishedAction } from '@/lib/attachments/actions';
import { useAction } from '@/components/forms/use-action';
import { Button } from '@/components/ui/button';

/** The department makes an accepted task's result file public in the registry, or withdraws it. */
export function PublishAttachmentButton({
  attachmentId,
  fileName,
  published,
}: {
  attachmentId: string;
  fileName: string;
  published: boolean;
}) {
  const t = useTranslations('attachments');
  const { run, pending, error } = useAction(setAttachmentPublishedAction);
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button
        variant={published ? 'ghost' : 'secondary'}
        disabled={pending}
        onClick={() => run({ attachmentId, publish: !published })}
        data-testid={published ? 'unpublish-attachment' : 'publish-attachment'}
        aria-label={published ? t('unpublishFile', { name: fileName }) : t('publishFile', { name: fileName })}
      >
        {published ? t('unpublish') : t('publish')}
      </Button>
      {error && (
        <span role="alert" className="w-full text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
