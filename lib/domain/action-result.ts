/**
 * What every server action answers: a plain type, so the action wrapper (lib/server) and the forms that call
 * actions (components) share it without the components reaching into the server layer.
 */
export type ActionResult<R = unknown> =
  { ok: true; data: R } | { ok: false; error: string; fieldErrors?: Record<string, string>; code?: string };
