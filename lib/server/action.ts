import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { describeError } from '@/lib/server/error-message';
import { AppError } from '@/lib/server/errors';
import { getActor } from '@/lib/server/session';
import type { Actor } from '@/lib/server/actor';
import type { ActionResult } from '@/lib/domain/action-result';

/**
 * The action client: every server action is `defineAction(schema, service)` in a feature's actions.ts. The
 * action is reachable by a direct POST, so it loads the actor itself (never trusting the page that rendered the
 * form), and the service parses the input with the same schema (the service is the boundary: tests and other
 * callers go through it too); the schema here gives the caller its input type. Everything, the actor's loading
 * included, runs inside one catch: an expected error becomes a message in the user's language (field messages
 * keyed by the schema's paths, so they land on the form's own fields), a database outage "briefly unavailable,
 * your text is kept", anything else a logged request id and a generic message. The action never throws to the
 * browser, and it answers with its data only: the page that called it decides what to refresh.
 */
export function defineAction<S extends z.ZodType, R>(
  _schema: S,
  service: (actor: Actor, input: unknown) => Promise<R>,
): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (input) =>
    run(async () => {
      const actor = await getActor();
      if (!actor) throw new AppError('UNAUTHENTICATED', 'unauthenticated');
      return service(actor, input);
    });
}

/** The same for the few actions open to anonymous visitors (sign-up, login). */
export function definePublicAction<S extends z.ZodType, R>(
  _schema: S,
  fn: (input: unknown) => Promise<R>,
): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (input) => run(() => fn(input));
}

async function run<R>(fn: () => Promise<R>): Promise<ActionResult<R>> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    unstable_rethrow(e);
    return { ok: false, ...(await describeError(e, 'action')) };
  }
}
