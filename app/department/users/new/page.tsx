import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadNewUserForm } from '@/lib/users/loaders';
import { Card, PageHeader } from '@/components/ui/card';
import { CreateUserForm } from '@/components/users/create-user-form';
import { withClientIntl } from '@/components/i18n/client-intl';

export async function generateMetadata() {
  return { title: (await getTranslations('users'))('add') };
}

async function NewUserPage() {
  const page = await loadNewUserForm();
  const t = await getTranslations('users');
  return (
    <>
      <Link href="/department/users" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← {t('title')}
      </Link>
      <PageHeader title={t('add')} description={t('newDescription')} />
      <Card className="max-w-xl">
        <CreateUserForm organizations={page.organizations} />
      </Card>
    </>
  );
}

export default withClientIntl(NewUserPage);
