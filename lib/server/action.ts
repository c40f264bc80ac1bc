import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { describeError } from '@/lib/server/error-message';
import { AppError } from '@/lib/server/errors';
import { getActor } from '@/lib/server/session';
import type { Actor } from '@/lib/server/actor';
import type { ActionResult } from '@/lib/server/action-result';

/**
 * The one wrapper every server action goes through. The action is reachable by a direct POST, so the
 * wrapper loads the actor itself (never trusting the page that rendered the form) and the service checks
 * what that actor may touch. Everything, the actor's loading included, runs inside the wrapper's catch: an
 * expected error becomes a message in the user's language (field messages stay on their fields), a database
 * outage "briefly unavailable, your text is kept", anything else is logged with a request id and answered with
 * a generic message. The action never throws to the browser, so the form keeps what the user typed.
 */
export async function runAction<R>(fn: (actor: Actor) => Promise<R>): Promise<ActionResult<R>> {
  return run(async () => {
    const actor = await getActor();
    if (!actor) throw new AppError('UNAUTHENTICATED', 'unauthenticated');
    return fn(actor);
  });
}

/** For the few actions open to anonymous visitors (sign-up, login). */
export async function runPublicAction<R>(fn: () => Promise<R>): Promise<ActionResult<R>> {
  return run(fn);
}

async function run<R>(fn: () => Promise<R>): Promise<ActionResult<R>> {
  try {
    const data = await fn();
    // Every page reads fresh data on each request; this drops the client's router cache of them too.
    revalidatePath('/', 'layout');
    return { ok: true, data };
  } catch (e) {
    unstable_rethrow(e);
    return { ok: false, ...(await describeError(e, 'action')) };
  }
}
