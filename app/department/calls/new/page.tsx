import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadCallForm } from '@/lib/calls/loaders';
import { Card, PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { CallForm } from '@/components/department/call-form';
import { withClientIntl } from '@/components/i18n/client-intl';

async function NewCallPage() {
  const { initial } = await loadCallForm(null);
  const t = await getTranslations('deptCalls');
  return (
    <>
      <PageHeader
        title={t('new')}
        actions={
          <Link href="/department/calls" className={buttonClass('secondary')}>
            {t('back')}
          </Link>
        }
      />
      <Card>
        <CallForm initial={initial} />
      </Card>
    </>
  );
}

export default withClientIntl(NewCallPage);
