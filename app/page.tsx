import { redirect } from 'next/navigation';
import { getActor } from '@/lib/server/session';
import { landingPathFor } from '@/lib/domain/roles';

// "/" sends each role to its own home (or back to the page that asked for a login).
export default async function Home({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const actor = await getActor();
  if (!actor) redirect('/login');
  const { next } = await searchParams;
  redirect(landingPathFor(actor.role, next));
}
