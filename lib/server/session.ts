import 'server-only';
import { cache } from 'react';
import { forbidden, redirect } from 'next/navigation';
import { cookies, headers } from 'next/headers';
import { readSessionCookie } from '@/lib/server/session-token';
import { areaOf, type Area } from '@/lib/domain/roles';
import { loadActor, type Actor } from '@/lib/server/actor';

/**
 * The signed-in user as the data layer sees them: the session cookie opened (lib/server/session-token.ts), then its
 * Session row and user read fresh from the database once per request: a user
 * deactivated (or whose organization was disabled) after logging in loses access at the next request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const store = await cookies();
  const claims = await readSessionCookie((name) => store.get(name)?.value);
  if (!claims?.sub || !claims.sid) return null;
  return loadActor(claims.sub, claims.sid);
});

async function currentPath(): Promise<string> {
  const h = await headers();
  return h.get('x-pathname') ?? '/';
}

/** For pages: the signed-in actor, or a redirect to /login that comes back here afterwards. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(await currentPath())}`);
  return actor;
}

/** For pages of one role area: anyone else gets the 403 page, with none of the area's data. */
export async function requireArea(area: Area): Promise<Actor> {
  const actor = await requireActor();
  if (areaOf(actor.role) !== area) forbidden();
  return actor;
}
