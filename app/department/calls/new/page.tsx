import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireArea } from '@/lib/server/session';
import { can } from '@/lib/domain/permissions';
import { yearInVietnam } from '@/lib/domain/format';
import { Card, PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { CallForm } from '@/components/department/call-form';

export default async function NewCallPage() {
  const actor = await requireArea('department');
  if (!can(actor.role, 'calls.manage')) forbidden();
  const t = await getTranslations('deptCalls');
  const year = String(yearInVietnam(new Date()) + 1);
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
        <CallForm initial={{ title: '', year, description: '', fields: [], opensAt: '', closesAt: '' }} />
      </Card>
    </>
  );
}
