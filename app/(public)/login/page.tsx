import { redirect } from 'next/navigation';
import { getActor } from '@/lib/server/session';
import { landingPathFor } from '@/lib/domain/roles';
import { LoginForm } from '@/components/auth/login-form';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const actor = await getActor();
  if (actor) redirect(landingPathFor(actor.role, callbackUrl));
  return <LoginForm callbackUrl={callbackUrl} />;
}
