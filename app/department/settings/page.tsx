import { forbidden } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireArea } from '@/lib/server/session';
import { getSettings } from '@/lib/settings/service';
import { can } from '@/lib/domain/permissions';
import { PageHeader } from '@/components/ui/card';
import { SettingsForm } from '@/components/department/settings-form';

export default async function SettingsPage() {
  const actor = await requireArea('department');
  if (!can(actor.role, 'settings.manage')) forbidden();
  const [settings, t] = await Promise.all([getSettings(), getTranslations('deptSettings')]);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <SettingsForm initial={settings} />
    </>
  );
}
