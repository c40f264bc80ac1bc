import { getTranslations } from 'next-intl/server';
import { loadSettingsPage } from '@/lib/settings/loaders';
import { PageHeader } from '@/components/ui/card';
import { SettingsForm } from '@/components/department/settings-form';
import { withClientIntl } from '@/components/i18n/client-intl';

async function SettingsPage() {
  const { values } = await loadSettingsPage();
  const t = await getTranslations('deptSettings');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <SettingsForm initial={values} />
    </>
  );
}

export default withClientIntl(SettingsPage);
