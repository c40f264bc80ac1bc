import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadCallForm } from '@/lib/calls/loaders';
import { Card, PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { CallForm } from '@/components/department/call-form';
import { withClientIntl } from '@/components/i18n/client-intl';

async function EditCallPage({ params }: { params: Promise<{ callId: string }> }) {
  const { call, initial } = await loadCallForm((await params).callId);
  const t = await getTranslations('deptCalls');
  return (
    <>
      <PageHeader
        title={call?.title}
        description={call?.kind === 'NEEDS' ? t('needsCount', { count: call.needs }) : t('taskCount', { count: call?.tasks ?? 0 })}
        actions={
          <Link href="/department/calls" className={buttonClass('secondary')}>
            {t('back')}
          </Link>
        }
      />
      <Card>
        <CallForm callId={call?.id} initial={initial} />
      </Card>
    </>
  );
}

export default withClientIntl(EditCallPage);
