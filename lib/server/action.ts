import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { describeError, failureFields } from '@/lib/server/error-message';
import { AppError } from '@/lib/server/errors';
import { levelOf, logger, since } from '@/lib/server/log';
import { requestContext } from '@/lib/server/request-context';
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
 * your text is kept", anything else a generic message with the request's id. Each call is one line in the log
 * (lib/server/log.ts): the action, the request id, the user, the outcome and the time it took, with the error's
 * stack when it was unexpected; never the input. The action never throws to the browser, and it answers with its
 * data only: the page that called it decides what to refresh.
 */
export function defineAction<S extends z.core.$ZodType, R>(
  _schema: S,
  service: (actor: Actor, input: unknown) => Promise<R>,
): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (input) =>
    run(service.name, async (line) => {
      const actor = await getActor();
      if (!actor) throw new AppError('UNAUTHENTICATED', 'unauthenticated');
      line.userId = actor.id;
      return service(actor, input);
    });
}

/** The same for the few actions open to anonymous visitors (sign-up, login). */
export function definePublicAction<S extends z.core.$ZodType, R>(
  _schema: S,
  fn: (input: unknown) => Promise<R>,
): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (input) => run(fn.name, () => fn(input));
}

type Line = { userId?: string };

async function run<R>(serviceName: string, fn: (line: Line) => Promise<R>): Promise<ActionResult<R>> {
  const start = performance.now();
  const { requestId, path, actionId } = await requestContext();
  const line: Line = {};
  const write = (fields: Record<string, unknown>) => {
    const outcome = (fields.outcome as Parameters<typeof levelOf>[0]) ?? 'ok';
    logger[levelOf(outcome)](
      {
        requestId,
        action: actionName(actionId) ?? (serviceName || undefined),
        actionId,
        path,
        ...line,
        ...fields,
        durationMs: since(start),
      },
      'action',
    );
  };
  try {
    const data = await fn(line);
    write({ outcome: 'ok' });
    return { ok: true, data };
  } catch (e) {
    // Next's own control flow (redirect() after a login, notFound()): the action did its work.
    try {
      unstable_rethrow(e);
    } catch (control) {
      write({ outcome: 'ok', next: (control as { digest?: string }).digest?.split(';')[0] });
      throw control;
    }
    write(failureFields(e));
    return { ok: false, ...(await describeError(e, requestId)) };
  }
}

/**
 * The action's exported name (e.g. "createDraftAction"), from the server actions manifest Next keeps for the
 * running server (an internal of Next 16, read defensively: a production build mangles function names, this name
 * it keeps); undefined outside Next or if the manifest is not at hand, and then the service's function name.
 */
function actionName(actionId: string | undefined): string | undefined {
  if (!actionId) return undefined;
  try {
    const manifests = (globalThis as Record<symbol, { serverActionsManifest?: { node?: Record<string, { exportedName?: string }> } }>)[
      Symbol.for('next.server.manifests')
    ];
    return manifests?.serverActionsManifest?.node?.[actionId]?.exportedName || undefined;
  } catch {
    return undefined;
  }
}
