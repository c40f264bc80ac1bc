import { getTranslations } from 'next-intl/server';
import { requireArea } from '@/lib/server/session';
import { load } from '@/lib/server/page';
import { loadProfilePage } from '@/lib/users/loaders';
import { Card, PageHeader } from '@/components/ui/card';
import { ProfileForm } from '@/components/users/profile-form';
import { withClientIntl } from '@/components/i18n/client-intl';

async function ProfilePage() {
  const profile = await load(loadProfilePage(await requireArea('evaluator')));
  const t = await getTranslations('profile');
  return (
    <>
      <PageHeader title={t('title')} description={`${profile.name} · ${profile.email}`} />
      <Card title={t('mailTitle')}>
        <ProfileForm profile={profile} />
      </Card>
    </>
  );
}

export default withClientIntl(ProfilePage);
