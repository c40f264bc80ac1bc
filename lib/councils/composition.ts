import 'server-only';
import type { Tx } from '@/lib/server/db';
import { ValidationError } from '@/lib/server/errors';
import { compositionErrors, type Position, type TaskParties } from '@/lib/domain/council-rules';
import type { Settings } from '@/lib/domain/settings';

/**
 * The members of a council being formed (any stage), read from the database and checked against the composition
 * and conflict rules: every one an active evaluator, one chair, two reviewers, one secretary, size within the
 * settings, nobody barred by the parties. Refused with the error on the member (or on the list) and nothing
 * written; otherwise the candidates, ready to be created.
 */
export async function checkedMembers(tx: Tx, members: { userId: string; position: Position }[], parties: TaskParties, settings: Settings) {
  const users = await tx.user.findMany({
    where: { id: { in: members.map((m) => m.userId) }, role: 'EVALUATOR', active: true },
    select: { id: true, name: true, email: true, evaluatorProfile: { select: { organizationId: true } } },
  });
  if (users.length !== new Set(members.map((m) => m.userId)).size)
    throw new ValidationError('invalidInput', { members: ['validation.evaluatorUnknown'] });
  const byId = new Map(users.map((u) => [u.id, u]));
  const candidates = members.map((m) => {
    const u = byId.get(m.userId)!;
    return { userId: u.id, name: u.name, email: u.email, organizationId: u.evaluatorProfile?.organizationId ?? null, position: m.position };
  });
  const errors = compositionErrors(candidates, parties, settings);
  if (errors.length) {
    const fieldErrors: Record<string, string[]> = {};
    for (const e of errors) {
      if (e.code === 'ineligible') (fieldErrors[`member.${e.userId}`] ??= []).push(`validation.ineligible.${e.reason}`);
      else (fieldErrors.members ??= []).push(`validation.council.${e.code}`);
    }
    throw new ValidationError('councilInvalid', fieldErrors, { min: settings.councilSizeMin, max: settings.councilSizeMax });
  }
  return candidates;
}
