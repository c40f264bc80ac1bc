import 'server-only';
import { randomUUID } from 'node:crypto';
import { getTranslations } from 'next-intl/server';
import { unstable_rethrow } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { AppError, ValidationError } from '@/lib/server/errors';
import { getActor } from '@/lib/server/session';
import type { Actor } from '@/lib/users/actor';
import type { ActionResult } from '@/lib/server/action-result';

/**
 * The one wrapper every server action goes through. The action is reachable by a direct POST, so the
 * wrapper loads the actor itself (never trusting the page that rendered the form) and the service checks
 * what that actor may touch. Expected errors become messages in the user's language, field messages stay on
 * their fields; anything else is logged with a request id and answered with a generic message.
 */
export async function runAction<R>(fn: (actor: Actor) => Promise<R>): Promise<ActionResult<R>> {
  const actor = await getActor();
  if (!actor) return failure(await translate('errors.unauthenticated'));
  return run(() => fn(actor));
}

/** For the few actions open to anonymous visitors (sign-up). */
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
    if (e instanceof AppError) {
      const error = await translate(`errors.${e.messageKey}`, e.params);
      if (e instanceof ValidationError) {
        const fieldErrors: Record<string, string> = {};
        for (const [field, keys] of Object.entries(e.fieldErrors)) fieldErrors[field] = await translate(keys[0], e.params);
        return { ok: false, error, fieldErrors };
      }
      return { ok: false, error, code: e.code };
    }
    const requestId = randomUUID();
    console.error(`[action] request ${requestId} failed:`, e);
    return failure(await translate('errors.unexpected', { requestId: requestId.slice(0, 8) }));
  }
}

async function translate(key: string, params: Record<string, string | number> = {}): Promise<string> {
  const t = await getTranslations();
  return t.has(key) ? t(key, params) : key;
}

function failure(error: string): ActionResult<never> {
  return { ok: false, error };
}
