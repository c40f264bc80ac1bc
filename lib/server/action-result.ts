/** What every server action answers; shared by the action wrapper and the forms that call actions. */
export type ActionResult<R = unknown> =
  { ok: true; data: R } | { ok: false; error: string; fieldErrors?: Record<string, string>; code?: string };
