import { redirect } from 'next/navigation';
import { getActor } from '@/lib/server/session';
import { landingPathFor } from '@/lib/domain/roles';
import { LoginForm } from '@/components/auth/login-form';
import { withClientIntl } from '@/components/i18n/client-intl';

async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const actor = await getActor();
  if (actor) redirect(landingPathFor(actor.role, callbackUrl));
  return <LoginForm callbackUrl={callbackUrl} />;
}

export default withClientIntl(LoginPage);
