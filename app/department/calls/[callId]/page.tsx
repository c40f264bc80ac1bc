import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireArea } from '@/lib/server/session';
import { load } from '@/lib/server/page';
import { getCall } from '@/lib/calls/service';
import { Card, PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { CallForm } from '@/components/department/call-form';
import { vietnamDateTimeInputValue } from '@/lib/domain/format';

export default async function EditCallPage({ params }: { params: Promise<{ callId: string }> }) {
  const actor = await requireArea('department');
  const { callId } = await params;
  const call = await load(getCall(actor, callId));
  const t = await getTranslations('deptCalls');
  return (
    <>
      <PageHeader
        title={call.title}
        description={t('taskCount', { count: call._count.tasks })}
        actions={
          <Link href="/department/calls" className={buttonClass('secondary')}>
            {t('back')}
          </Link>
        }
      />
      <Card>
        <CallForm
          callId={call.id}
          initial={{
            title: call.title,
            year: String(call.year),
            description: call.description,
            fields: call.fields,
            opensAt: vietnamDateTimeInputValue(call.opensAt),
            closesAt: vietnamDateTimeInputValue(call.closesAt),
          }}
        />
      </Card>
    </>
  );
}
